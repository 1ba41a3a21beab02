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
  /**
   * Enkeltydelse: the units the offer expects to sell in the year (hours, sessions, course seats,
   * assessments, visits). When given, the tariff is a unit price and `approvedPlaces` is not used.
   */
  budgetedUnits?: number;
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
  /** Enkeltydelse: yearly cost / (budgeted units × budgeted utilisation), half up; null for an offer with places. */
  unitPrice: Oere | null;
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
  if (budget.budgetedUnits !== undefined) return computeUnitPrice(budget, budget.budgetedUnits);
  const days = daysInYear(budget.year);
  const { yearlyCost, lines: costLines } = yearlyCostOf(budget);
  const occupancyBasisPoints = BigInt(Math.round(budget.budgetedOccupancyPct * 100));
  // occupied days × 10,000 = places × days × occupancy in basis points
  const occupiedDaysTimes10k = BigInt(budget.approvedPlaces) * BigInt(days) * occupancyBasisPoints;
  if (occupiedDaysTimes10k <= 0n) throw new Error('approved places and budgeted occupancy must be above zero');
  const dayTariff = divideRounded(yearlyCost * 10_000n, occupiedDaysTimes10k);
  const vatCompensationPerDay = budget.vatCompensationPct ? percentOf(dayTariff, budget.vatCompensationPct) : 0n;
  const base = dayTariff + vatCompensationPerDay;
  const rates: Record<string, Oere> = { base };
  for (const p of budget.packages ?? []) rates[p.code] = base + p.supplementPerDay;
  const occupiedDays = fourDecimalsAsTwo(occupiedDaysTimes10k);
  const lines: ComputationLine[] = [
    ...costLines,
    { label: `Belagte dage (${budget.approvedPlaces} pladser × ${days} dage × ${budget.budgetedOccupancyPct} %)`, amount: occupiedDays },
    { label: 'Døgntakst', amount: formatKroner(dayTariff) },
    ...(vatCompensationPerDay ? [{ label: `Momskompensation (${budget.vatCompensationPct} %)`, amount: formatKroner(vatCompensationPerDay) }] : []),
    ...(budget.packages ?? []).map((p) => ({ label: `Ydelsespakke ${p.code}: tillæg pr. døgn`, amount: formatKroner(p.supplementPerDay) })),
  ];
  return {
    year: budget.year, daysInYear: days, yearlyCost, occupiedDays, dayTariff, vatCompensationPerDay, rates,
    hourlyRate: budget.hourlyRate ?? null, unitPrice: null, budgetedOccupancyPct: budget.budgetedOccupancyPct, lines,
  };
}

/** `n / 10,000` as text with two decimals (cut, not rounded: it is shown, never billed). */
function fourDecimalsAsTwo(timesTenThousand: bigint): string {
  return `${timesTenThousand / 10_000n}.${String(timesTenThousand % 10_000n).padStart(4, '0').slice(0, 2)}`;
}

/**
 * yearly cost = direct + central administration + depreciation and interest + pensions − other income (+ carry-overs),
 * with its lines.
 */
function yearlyCostOf(budget: Budget): { yearlyCost: Oere; lines: ComputationLine[] } {
  const administration = percentOf(budget.directOperatingCosts, budget.centralAdministrationPct);
  const carried = (budget.carryOvers ?? []).reduce((sum, c) => sum + c.amount, 0n);
  const yearlyCost = budget.directOperatingCosts + administration + budget.depreciationAndInterest + budget.civilServantPensions - budget.otherIncome + carried;
  return {
    yearlyCost,
    lines: [
      { label: 'Direkte driftsudgifter', amount: formatKroner(budget.directOperatingCosts) },
      { label: `Central administration (${budget.centralAdministrationPct} %)`, amount: formatKroner(administration) },
      { label: 'Afskrivning og forrentning', amount: formatKroner(budget.depreciationAndInterest) },
      { label: 'Tjenestemandspension', amount: formatKroner(budget.civilServantPensions) },
      { label: 'Andre indtægter', amount: formatKroner(-budget.otherIncome) },
      ...(budget.carryOvers ?? []).map((c) => ({ label: `Efterregulering fra ${c.fromYear}`, amount: formatKroner(c.amount) })),
      { label: YEARLY_COST_LABEL, amount: formatKroner(yearlyCost) },
    ],
  };
}

/**
 * Enkeltydelse: the same cost basis (SEL §174: the price covers the offer's costs) spread over the
 * units the offer expects to deliver instead of occupied days.
 *   billable units = budgeted units × budgeted utilisation
 *   unit price = yearly cost / billable units, to the øre, half up (+ VAT compensation for private operators)
 * The offer has no day rates (`rates` is empty): its units are billed as delivered.
 */
function computeUnitPrice(budget: Budget, budgetedUnits: number): TariffComputation {
  const { yearlyCost, lines: costLines } = yearlyCostOf(budget);
  const utilisationBasisPoints = BigInt(Math.round(budget.budgetedOccupancyPct * 100));
  const billableTimes10k = BigInt(budgetedUnits) * utilisationBasisPoints;
  if (billableTimes10k <= 0n) throw new Error('budgeted units and budgeted utilisation must be above zero');
  const price = divideRounded(yearlyCost * 10_000n, billableTimes10k);
  const vat = budget.vatCompensationPct ? percentOf(price, budget.vatCompensationPct) : 0n;
  const lines: ComputationLine[] = [
    ...costLines,
    { label: `Fakturerbare enheder (${budgetedUnits} enheder × ${budget.budgetedOccupancyPct} %)`, amount: fourDecimalsAsTwo(billableTimes10k) },
    { label: 'Enhedspris', amount: formatKroner(price) },
    ...(vat ? [{ label: `Momskompensation (${budget.vatCompensationPct} %)`, amount: formatKroner(vat) }] : []),
    ...(vat ? [{ label: 'Enhedspris med momskompensation', amount: formatKroner(price + vat) }] : []),
  ];
  return {
    year: budget.year, daysInYear: daysInYear(budget.year), yearlyCost, occupiedDays: '0.00', dayTariff: 0n, vatCompensationPerDay: 0n, rates: {},
    hourlyRate: null, unitPrice: price + vat, budgetedOccupancyPct: budget.budgetedOccupancyPct, lines,
  };
}

/** A month tariff where used: the day tariff × days in an average month of that year, half up. */
export function monthTariff(computation: TariffComputation): Oere {
  return divideRounded(computation.dayTariff * BigInt(computation.daysInYear), 12n);
}
