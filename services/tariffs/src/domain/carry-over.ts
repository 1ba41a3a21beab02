import { formatKroner, percentOf, type Oere } from './money';

export interface YearFigures {
  /** Actual tariff income of the year from its statements: occupied days × tariff, delivered units × unit price. */
  actualIncome: Oere;
  /** The year's actual cost, entered by the operator. */
  actualCost: Oere;
  /** Omkostningsgrundlaget: the budgeted yearly cost the year's tariff was computed from. */
  costBasis: Oere;
}

export interface CarryOver {
  /** Actual tariff income − actual cost: positive is a surplus, negative a deficit. */
  result: Oere;
  /** ±5 % of the cost basis (never of the actual cost): what may go into next year's budget. */
  limit: Oere;
  /** Added to next year's budget (a surplus lowers it, a deficit raises it). */
  intoNextYear: Oere;
  /** Added to the tariff two years after the accounting year: the rest. */
  intoYearAfterNext: Oere;
}

/**
 * Efterregulering (domain.md, "Tariffs"): result = actual tariff income − actual cost. Up to ±5 %
 * of the cost basis (the budgeted yearly cost behind the year's tariff) goes into next year's
 * budget; the rest into the tariff two years later. The limit is pinned to the budget on purpose:
 * an operator who overspends must not widen its own carry-over by doing so. The amounts carried
 * have the opposite sign of the result: a surplus is given back, a deficit recovered.
 */
export function carryOver(year: YearFigures, limitPct = 5): CarryOver {
  const result = year.actualIncome - year.actualCost;
  const basis = year.costBasis < 0n ? -year.costBasis : year.costBasis;
  const limit = percentOf(basis, limitPct);
  const clamped = result > limit ? limit : result < -limit ? -limit : result;
  return { result, limit, intoNextYear: -clamped, intoYearAfterNext: -(result - clamped) };
}

/** The year result line by line, as the operator and the secretariat read it (Danish). */
export function carryOverLines(accountingYear: number, year: YearFigures, c: CarryOver, limitPct = 5): { label: string; amount: string }[] {
  return [
    { label: `Faktiske takstindtægter ${accountingYear}`, amount: formatKroner(year.actualIncome) },
    { label: `Faktiske omkostninger ${accountingYear}`, amount: formatKroner(-year.actualCost) },
    { label: c.result >= 0n ? `Overskud ${accountingYear}` : `Underskud ${accountingYear}`, amount: formatKroner(c.result) },
    { label: `Omkostningsgrundlag ${accountingYear} (budgetterede årlige omkostninger bag taksten)`, amount: formatKroner(year.costBasis) },
    { label: `${limitPct} % af omkostningsgrundlaget ${accountingYear}: højst overført til budget ${accountingYear + 1}`, amount: formatKroner(c.limit) },
    { label: `Efterregulering i budget ${accountingYear + 1}`, amount: formatKroner(c.intoNextYear) },
    { label: `Efterregulering i takst ${accountingYear + 2}`, amount: formatKroner(c.intoYearAfterNext) },
  ];
}
