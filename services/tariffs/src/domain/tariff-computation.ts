import { divideRounded, formatKroner, percentOf, type Oere } from './money';

/** Budget of an offer for a year, in øre (entered by the operator's offer manager). */
export interface Budget {
  year: number;
  directOperatingCosts: Oere;
  /** Central administration (overhead) as a percentage of direct costs; set per region, 6-8 % common. */
  centralAdministrationPct: number;
  /** Afskrivning og forrentning. */
  depreciationAndInterest: Oere;
  /** Tjenestemandspension. */
  civilServantPensions: Oere;
  otherIncome: Oere;
  approvedPlaces: number;
  budgetedOccupancyPct: number;
  /** Private providers: VAT compensation (momskompensation), shown separately. */
  vatCompensationPct?: number;
  /** Efterregulering carried in from earlier years (negative lowers the tariff). */
  carryOvers?: { fromYear: number; amount: Oere }[];
  /** Ydelsespakker: supplements per day on top of the base tariff. */
  packages?: { code: string; supplementPerDay: Oere }[];
  /** A base rate plus an hourly rate for extra support. */
  hourlyRate?: Oere;
}

export interface ComputationLine {
  label: string;
  amount: string;
}

export interface TariffComputation {
  year: number;
  daysInYear: number;
  yearlyCost: Oere;
  /** Occupied days × 100, to keep fractional days exact (places × days × pct). */
  occupiedDays: string;
  dayTariff: Oere;
  vatCompensationPerDay: Oere;
  /** Package code → day rate including the base tariff (and VAT compensation where it applies). */
  rates: Record<string, Oere>;
  hourlyRate: Oere | null;
  budgetedOccupancyPct: number;
  /** The computation line by line, for the manager and the secretariat to check. */
  lines: ComputationLine[];
}

/** The computation line that holds the yearly cost (omkostningsgrundlaget). */
export const YEARLY_COST_LABEL = 'Årlige omkostninger i alt';

export function daysInYear(year: number): number {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 366 : 365;
}

/**
 * Takst (SEL §174): yearly cost over budgeted occupied days.
 *   yearly cost = direct + central administration + depreciation and interest + pensions − other income (+ carry-overs)
 *   occupied days = approved places × days in the year × budgeted occupancy
 *   day tariff = yearly cost / occupied days, to the øre, half up
 */
export function computeTariff(budget: Budget): TariffComputation {
  const days = daysInYear(budget.year);
  const administration = percentOf(budget.directOperatingCosts, budget.centralAdministrationPct);
  const carried = (budget.carryOvers ?? []).reduce((sum, c) => sum + c.amount, 0n);
  const yearlyCost = budget.directOperatingCosts + administration + budget.depreciationAndInterest + budget.civilServantPensions - budget.otherIncome + carried;
  const occupancyBasisPoints = BigInt(Math.round(budget.budgetedOccupancyPct * 100));
  // occupied days × 10,000 = places × days × occupancy in basis points
  const occupiedDaysTimes10k = BigInt(budget.approvedPlaces) * BigInt(days) * occupancyBasisPoints;
  if (occupiedDaysTimes10k <= 0n) throw new Error('approved places and budgeted occupancy must be above zero');
  const dayTariff = divideRounded(yearlyCost * 10_000n, occupiedDaysTimes10k);
  const vatCompensationPerDay = budget.vatCompensationPct ? percentOf(dayTariff, budget.vatCompensationPct) : 0n;
  const base = dayTariff + vatCompensationPerDay;
  const rates: Record<string, Oere> = { base };
  for (const p of budget.packages ?? []) rates[p.code] = base + p.supplementPerDay;
  const occupiedDays = `${occupiedDaysTimes10k / 10_000n}.${String(occupiedDaysTimes10k % 10_000n).padStart(4, '0').slice(0, 2)}`;
  const lines: ComputationLine[] = [
    { label: 'Direkte driftsudgifter', amount: formatKroner(budget.directOperatingCosts) },
    { label: `Central administration (${budget.centralAdministrationPct} %)`, amount: formatKroner(administration) },
    { label: 'Afskrivning og forrentning', amount: formatKroner(budget.depreciationAndInterest) },
    { label: 'Tjenestemandspension', amount: formatKroner(budget.civilServantPensions) },
    { label: 'Andre indtægter', amount: formatKroner(-budget.otherIncome) },
    ...(budget.carryOvers ?? []).map((c) => ({ label: `Efterregulering fra ${c.fromYear}`, amount: formatKroner(c.amount) })),
    { label: YEARLY_COST_LABEL, amount: formatKroner(yearlyCost) },
    { label: `Belagte dage (${budget.approvedPlaces} pladser × ${days} dage × ${budget.budgetedOccupancyPct} %)`, amount: occupiedDays },
    { label: 'Døgntakst', amount: formatKroner(dayTariff) },
    ...(vatCompensationPerDay ? [{ label: `Momskompensation (${budget.vatCompensationPct} %)`, amount: formatKroner(vatCompensationPerDay) }] : []),
    ...(budget.packages ?? []).map((p) => ({ label: `Ydelsespakke ${p.code}: tillæg pr. døgn`, amount: formatKroner(p.supplementPerDay) })),
  ];
  return {
    year: budget.year, daysInYear: days, yearlyCost, occupiedDays, dayTariff, vatCompensationPerDay, rates,
    hourlyRate: budget.hourlyRate ?? null, budgetedOccupancyPct: budget.budgetedOccupancyPct, lines,
  };
}

/** A month tariff where used: the day tariff × days in an average month of that year, half up. */
export function monthTariff(computation: TariffComputation): Oere {
  return divideRounded(computation.dayTariff * BigInt(computation.daysInYear), 12n);
}
