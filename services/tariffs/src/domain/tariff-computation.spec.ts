import { divideRounded, formatKroner, kroner, percentOf } from './money';
import { computeTariff, monthTariff, type Budget } from './tariff-computation';

const TEN_MILLION: Budget = {
  year: 2027, directOperatingCosts: kroner('10000000'), centralAdministrationPct: 0, depreciationAndInterest: 0n, civilServantPensions: 0n,
  otherIncome: 0n, approvedPlaces: 20, budgetedOccupancyPct: 95,
};

describe('money', () => {
  it('rounds to the øre, half up, also below zero', () => {
    expect(divideRounded(5n, 2n)).toBe(3n);
    expect(divideRounded(4n, 3n)).toBe(1n);
    expect(divideRounded(-5n, 2n)).toBe(-3n);
    expect(percentOf(kroner('100.10'), 6)).toBe(601n); // 6.006 kr -> 6.01
  });

  it('reads and writes kroner without floating point', () => {
    expect(kroner('1441.96')).toBe(144196n);
    expect(kroner('0.1')).toBe(10n);
    expect(formatKroner(kroner('-12.05'))).toBe('-12.05');
  });
});

describe('the day tariff', () => {
  it('is 1,441.96 kr for a budget of 10,000,000 kr, 20 places at 95 % in a 365-day year', () => {
    const t = computeTariff(TEN_MILLION);
    expect(formatKroner(t.dayTariff)).toBe('1441.96');
    expect(t.occupiedDays).toBe('6935.00');
  });

  it('is lower in a leap year: 366 days give 6,954 occupied days and 1,438.02 kr', () => {
    const t = computeTariff({ ...TEN_MILLION, year: 2028 });
    expect([t.daysInYear, t.occupiedDays, formatKroner(t.dayTariff)]).toEqual([366, '6954.00', '1438.02']);
  });

  it('adds central administration, depreciation and pensions, subtracts other income, and shows every line', () => {
    const t = computeTariff({
      ...TEN_MILLION, centralAdministrationPct: 7, depreciationAndInterest: kroner('400000'), civilServantPensions: kroner('100000'), otherIncome: kroner('250000'),
    });
    expect(formatKroner(t.yearlyCost)).toBe('10950000.00');
    expect(formatKroner(t.dayTariff)).toBe('1578.95'); // 10,950,000 / 6,935
    expect(t.lines.map((l) => l.label)).toEqual([
      'Direkte driftsudgifter', 'Central administration (7 %)', 'Afskrivning og forrentning', 'Tjenestemandspension', 'Andre indtægter',
      'Årlige omkostninger i alt', 'Belagte dage (20 pladser × 365 dage × 95 %)', 'Døgntakst',
    ]);
    expect(t.lines.find((l) => l.label === 'Andre indtægter')!.amount).toBe('-250000.00');
  });

  it('shows a private offer\'s VAT compensation separately and includes it in the rates', () => {
    const t = computeTariff({ ...TEN_MILLION, vatCompensationPct: 6 });
    expect(formatKroner(t.dayTariff)).toBe('1441.96');
    expect(formatKroner(t.vatCompensationPerDay)).toBe('86.52');
    expect(formatKroner(t.rates.base)).toBe('1528.48');
  });

  it('gives each support package its own rate on top of the base', () => {
    const t = computeTariff({ ...TEN_MILLION, packages: [{ code: 'high', supplementPerDay: kroner('450') }] });
    expect(Object.fromEntries(Object.entries(t.rates).map(([k, v]) => [k, formatKroner(v)]))).toEqual({ base: '1441.96', high: '1891.96' });
  });

  it('carries an earlier year\'s result in as its own line', () => {
    const t = computeTariff({ ...TEN_MILLION, year: 2029, carryOvers: [{ fromYear: 2027, amount: kroner('-350000') }] });
    expect(t.lines).toContainEqual({ label: 'Efterregulering fra 2027', amount: '-350000.00' });
    expect(formatKroner(t.yearlyCost)).toBe('9650000.00');
  });

  it('gives a month tariff of a twelfth of the year\'s days', () => {
    expect(formatKroner(monthTariff(computeTariff(TEN_MILLION)))).toBe('43859.62'); // 1,441.96 × 365 / 12
  });
});

describe('the unit price of a single service (enkeltydelse)', () => {
  const SESSIONS: Budget = { ...TEN_MILLION, directOperatingCosts: kroner('1200000'), approvedPlaces: 0, budgetedOccupancyPct: 80, budgetedUnits: 2000 };

  it('is the yearly cost over the units expected to be delivered: 1,200,000 kr over 2,000 sessions at 80 % is 750.00 kr', () => {
    const t = computeTariff(SESSIONS);
    expect(formatKroner(t.unitPrice!)).toBe('750.00');
    expect(t.rates).toEqual({});
    expect(t.lines).toEqual(expect.arrayContaining([{ label: 'Fakturerbare enheder (2000 enheder × 80 %)', amount: '1600.00' }, { label: 'Enhedspris', amount: '750.00' }]));
  });

  it('rounds to the øre, half up, and counts central administration: 1,000,000 kr + 7 % over 1,500 units at 90 % is 792.59 kr', () => {
    // 1,070,000 / 1,350 = 792.592… -> 792.59
    expect(formatKroner(computeTariff({ ...SESSIONS, directOperatingCosts: kroner('1000000'), centralAdministrationPct: 7, budgetedUnits: 1500, budgetedOccupancyPct: 90 }).unitPrice!)).toBe('792.59');
  });

  it('adds VAT compensation for a private operator on top of the unit price', () => {
    const t = computeTariff({ ...SESSIONS, vatCompensationPct: 5 });
    expect(formatKroner(t.unitPrice!)).toBe('787.50');
    expect(t.lines.at(-1)).toEqual({ label: 'Enhedspris med momskompensation', amount: '787.50' });
  });

  it('is absent for an offer with places', () => {
    expect(computeTariff(TEN_MILLION).unitPrice).toBeNull();
  });
});
