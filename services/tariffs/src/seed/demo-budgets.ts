// The demo offers' budgets, from a seed: day tariffs in the range such offers have in 2026 (a rough
// range per paragraph from published Danish tariffs of the kind, not any one offer's), some offers with
// a service package for more support, an hourly rate for the residential ones.
import type { BudgetRequest } from '../submit-budget/budget.request';

/** The facts of an offer a budget is made from (read from offers). */
export interface OfferToBudget {
  offerId: string;
  paragraphs: { paragraph: string; approvedPlaces: number }[];
  budgetedOccupancyPct: number;
  /** A single service's units (enkeltydelse). */
  units?: { kind: string; per: 'week' | 'month'; unitsPerPeriod: number };
}

/** Unit price (kr.) low and high per kind of single service: a rough range, not any one offer's. */
export const UNIT_PRICE_RANGES: Record<string, readonly [number, number]> = {
  hours: [450, 750], sessions: [700, 1200], course: [2500, 6000], assessment: [20000, 45000], 'team-visit': [6000, 12000],
};

/** Day tariff (kr.) low and high per paragraph: the first paragraph of an offer sets its range. */
export const DAY_TARIFF_RANGES: Record<string, readonly [number, number]> = {
  '108': [2200, 4800], '107': [1800, 4200], '66': [3000, 6500], '67': [2800, 6000], '101': [900, 2200], '103': [350, 900], '104': [450, 1200],
};

/** Central administration and other lines the computation adds on top of the costs typed here (about 7-10 %). */
const ADDED_ON_TOP = 0.92;

const kroner = (value: number) => value.toFixed(2);

/** A budget whose computed day tariff lands in the offer's range: yearly cost = rate × places × days × occupancy. */
export function demoBudget(offer: OfferToBudget, rnd: () => number): BudgetRequest {
  if (offer.units) return demoUnitBudget(offer, offer.units, rnd);
  const [low, high] = DAY_TARIFF_RANGES[offer.paragraphs[0].paragraph] ?? [1000, 3000];
  const rate = low + rnd() * (high - low);
  const places = offer.paragraphs.reduce((sum, p) => sum + p.approvedPlaces, 0);
  const yearly = rate * places * 365 * (offer.budgetedOccupancyPct / 100) * ADDED_ON_TOP;
  const residential = offer.paragraphs.some((p) => ['107', '108', '66', '67'].includes(p.paragraph));
  const budget: BudgetRequest = {
    directOperatingCosts: kroner(Math.round(yearly * 0.9)),
    depreciationAndInterest: kroner(Math.round(yearly * 0.06)),
    civilServantPensions: kroner(Math.round(yearly * 0.04)),
    otherIncome: '0.00',
    approvedPlaces: Math.max(1, places),
    budgetedOccupancyPct: offer.budgetedOccupancyPct,
  };
  if (residential && rnd() < 0.5) budget.packages = [{ code: 'hoej', supplementPerDay: kroner(Math.round(300 + rnd() * 900)) }];
  if (residential && rnd() < 0.3) budget.hourlyRate = kroner(Math.round(380 + rnd() * 120));
  return budget;
}

/** A single service's budget: yearly cost = unit price × units a year × utilisation; the tariff is a unit price. */
function demoUnitBudget(offer: OfferToBudget, units: NonNullable<OfferToBudget['units']>, rnd: () => number): BudgetRequest {
  const [low, high] = UNIT_PRICE_RANGES[units.kind] ?? [500, 1500];
  const price = low + rnd() * (high - low);
  const budgetedUnits = units.unitsPerPeriod * (units.per === 'week' ? 52 : 12);
  const yearly = price * budgetedUnits * (offer.budgetedOccupancyPct / 100) * ADDED_ON_TOP;
  return {
    directOperatingCosts: kroner(Math.round(yearly * 0.95)), depreciationAndInterest: kroner(Math.round(yearly * 0.05)), civilServantPensions: '0.00', otherIncome: '0.00',
    budgetedUnits, budgetedOccupancyPct: offer.budgetedOccupancyPct,
  };
}
