/*
 * The rules on the data that raise early warnings by themselves (domain.md, "Supply obligation and
 * early warning"). Pure: each takes the figures it needs and says whether it fires and why.
 */

/** Per region; the secretariat sets its own (PUT /supply/regions/:region/thresholds). */
export interface SupplyThresholds {
  /** Months in a row with occupancy below the budgeted percentage. */
  lowOccupancyMonths: number;
  /** Days a waiting list has stood with no vacancy in the region for its target group. */
  noVacancyDays: number;
  /** Capacity left after announced closures may not fall below demand plus this many places. */
  closureMarginPlaces: number;
  /** The forecast need may exceed the places left after closures by at most this many places (kapacitets- og behovsopgørelse). */
  forecastGapPlaces: number;
}

export const DEFAULT_THRESHOLDS: SupplyThresholds = { lowOccupancyMonths: 3, noVacancyDays: 30, closureMarginPlaces: 0, forecastGapPlaces: 5 };

export interface RuleOutcome {
  fires: boolean;
  figures: Record<string, number>;
  threshold: number;
}

/** An offer's occupancy at the end of each complete month (`YYYY-MM`), newest last. */
export interface MonthEnd {
  month: string;
  occupied: number;
  approved: number;
}

/** The `count` complete months before `asOf`'s month, oldest first ("2026-08", "2026-09", "2026-10"). */
export function completeMonthsBefore(asOf: Date, count: number): string[] {
  const months: string[] = [];
  for (let back = count; back >= 1; back--) {
    const d = new Date(Date.UTC(asOf.getUTCFullYear(), asOf.getUTCMonth() - back, 1));
    months.push(`${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`);
  }
  return months;
}

/** Occupancy below the budgeted percentage at the end of each of the last N complete months. */
export function lowOccupancy(monthEnds: MonthEnd[], budgetedPct: number, months: string[]): RuleOutcome {
  const byMonth = new Map(monthEnds.map((m) => [m.month, m]));
  const pcts = months.map((month) => {
    const m = byMonth.get(month);
    return m && m.approved > 0 ? (m.occupied / m.approved) * 100 : null;
  });
  const fires = pcts.length > 0 && pcts.every((pct) => pct !== null && pct < budgetedPct);
  const figures: Record<string, number> = { budgetedOccupancyPct: budgetedPct, monthsBelow: pcts.filter((p) => p !== null && p < budgetedPct).length };
  pcts.forEach((pct, i) => { if (pct !== null) figures[`occupancyPct:${months[i]}`] = Math.round(pct * 10) / 10; });
  return { fires, figures, threshold: months.length };
}

/**
 * A waiting list with no vacancy anywhere in the region for its target group, for N days. The
 * streak starts at the later of: the region's vacancy for the group reaching zero, and the oldest
 * entry still waiting joining the list (so the list has been non-empty since then).
 */
export function waitlistWithoutVacancy(
  input: { zeroVacancySince: Date | null; oldestWaitingSince: Date | null; waiting: number },
  asOf: Date, days: number,
): RuleOutcome {
  const { zeroVacancySince, oldestWaitingSince, waiting } = input;
  if (!zeroVacancySince || !oldestWaitingSince || waiting === 0) return { fires: false, figures: { waiting, daysWithoutVacancy: 0 }, threshold: days };
  const since = Math.max(zeroVacancySince.getTime(), oldestWaitingSince.getTime());
  const daysWithout = Math.floor((asOf.getTime() - since) / 86_400_000);
  return { fires: daysWithout >= days, figures: { waiting, daysWithoutVacancy: daysWithout }, threshold: days };
}

/** Announced closures and reductions would leave less capacity than occupancy plus waiting list (plus margin). */
export function closuresExceedCapacity(
  input: { approved: number; announcedReduction: number; occupied: number; waiting: number }, marginPlaces: number,
): RuleOutcome {
  const capacityAfter = input.approved - input.announcedReduction;
  const demand = input.occupied + input.waiting;
  return {
    fires: input.announcedReduction > 0 && capacityAfter < demand + marginPlaces,
    figures: { approved: input.approved, announcedReduction: input.announcedReduction, capacityAfter, occupied: input.occupied, waiting: input.waiting, demand },
    threshold: marginPlaces,
  };
}
