import { kroner } from '../domain/money';
import { seededRandom } from '@tilbudsnet/platform';
import { computeTariff } from '../domain/tariff-computation';
import { DAY_TARIFF_RANGES, demoBudget, UNIT_PRICE_RANGES } from './demo-budgets';

/** Deterministic draws, so a failure can be replayed. */
const draws = seededRandom;

describe('demo budgets', () => {
  it('land the computed day tariff in the range of the offer\'s paragraph (within the 7 % administration on top)', () => {
    const rnd = draws(1);
    for (const [paragraph, [low, high]] of Object.entries(DAY_TARIFF_RANGES)) {
      for (let i = 0; i < 50; i++) {
        const budget = demoBudget({ offerId: 'x', paragraphs: [{ paragraph, approvedPlaces: 3 + i }], budgetedOccupancyPct: 85 + (i % 13) }, rnd);
        const computed = computeTariff({
          year: 2026, directOperatingCosts: kroner(budget.directOperatingCosts), centralAdministrationPct: 7, depreciationAndInterest: kroner(budget.depreciationAndInterest),
          civilServantPensions: kroner(budget.civilServantPensions), otherIncome: kroner(budget.otherIncome), approvedPlaces: budget.approvedPlaces!, budgetedOccupancyPct: budget.budgetedOccupancyPct,
        });
        const rate = Number(computed.dayTariff) / 100;
        expect([paragraph, rate >= low * 0.95 && rate <= high * 1.05]).toEqual([paragraph, true]);
      }
    }
  });

  it('budgets every place of the offer, over all its paragraphs', () => {
    const budget = demoBudget({ offerId: 'x', paragraphs: [{ paragraph: '107', approvedPlaces: 6 }, { paragraph: '108', approvedPlaces: 4 }], budgetedOccupancyPct: 90 }, draws(2));
    expect(budget.approvedPlaces).toBe(10);
  });

  it('gives packages and hourly rates only to residential offers', () => {
    const rnd = draws(3);
    for (let i = 0; i < 100; i++) {
      const day = demoBudget({ offerId: 'x', paragraphs: [{ paragraph: '104', approvedPlaces: 20 }], budgetedOccupancyPct: 90 }, rnd);
      expect([day.packages, day.hourlyRate]).toEqual([undefined, undefined]);
    }
    const residential = Array.from({ length: 100 }, () => demoBudget({ offerId: 'x', paragraphs: [{ paragraph: '108', approvedPlaces: 10 }], budgetedOccupancyPct: 90 }, rnd));
    expect(residential.some((b) => b.packages?.length)).toBe(true);
  });

  it('budgets a single service in units a year, with a unit price in the range of its kind', () => {
    const rnd = draws(4);
    for (const [kind, [low, high]] of Object.entries(UNIT_PRICE_RANGES)) {
      const budget = demoBudget({ offerId: 'x', paragraphs: [{ paragraph: '85', approvedPlaces: 0 }], budgetedOccupancyPct: 85, units: { kind, per: 'week', unitsPerPeriod: 10 } }, rnd);
      expect([budget.budgetedUnits, budget.approvedPlaces]).toEqual([520, undefined]);
      const computed = computeTariff({
        year: 2026, directOperatingCosts: kroner(budget.directOperatingCosts), centralAdministrationPct: 7, depreciationAndInterest: kroner(budget.depreciationAndInterest),
        civilServantPensions: 0n, otherIncome: 0n, approvedPlaces: 0, budgetedUnits: budget.budgetedUnits, budgetedOccupancyPct: budget.budgetedOccupancyPct,
      });
      const price = Number(computed.unitPrice) / 100;
      expect([kind, price >= low * 0.95 && price <= high * 1.05]).toEqual([kind, true]);
    }
  });
});
