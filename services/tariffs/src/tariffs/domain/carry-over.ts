import { percentOf, type Oere } from './money';

export interface CarryOver {
  /** Actual tariff income − actual cost: positive is a surplus, negative a deficit. */
  result: Oere;
  /** ±5 % of the cost basis: what may go into next year's budget. */
  limit: Oere;
  /** Added to next year's budget (a surplus lowers it, a deficit raises it). */
  intoNextYear: Oere;
  /** Added to the tariff two years after the accounting year: the rest. */
  intoYearAfterNext: Oere;
}

/**
 * Efterregulering: result = actual tariff income (occupied days × tariff) − actual cost. Up to ±5 %
 * of the cost basis goes into next year's budget; the rest into the tariff two years later. The
 * amounts carried have the opposite sign of the result: a surplus is given back.
 */
export function carryOver(actualIncome: Oere, actualCost: Oere, limitPct = 5): CarryOver {
  const result = actualIncome - actualCost;
  const limit = percentOf(actualCost, limitPct);
  const clamped = result > limit ? limit : result < -limit ? -limit : result;
  return { result, limit, intoNextYear: -clamped, intoYearAfterNext: -(result - clamped) };
}
