/**
 * Effect of an offer from its placements' goals (progression og effekt), as aggregates only: no
 * citizen can be singled out. A goal is met when its latest measurement on the goal attainment scale
 * is 0 or above. Progression is the change in level from a goal's first measurement to its last, per
 * year between them (goals measured over at least 30 days). Any figure resting on fewer than
 * MIN_PLACEMENTS_SHOWN placements is suppressed: neither the figure nor the count is shown.
 */
export const MIN_PLACEMENTS_SHOWN = 5;
const MIN_SPAN_DAYS = 30;

export interface MeasuredGoal {
  placementId: string;
  area: string;
  /** Oldest first. */
  measurements: { level: number; measuredOn: string }[];
}

export interface AreaEffect {
  area: string;
  suppressed: boolean;
  /** Placements with a goal in the area measured over at least 30 days; null when suppressed. */
  placements: number | null;
  /** Average change in level per year; null when suppressed. */
  progressionPerYear: number | null;
}

export interface OfferEffect {
  /** True when at least MIN_PLACEMENTS_SHOWN placements have a measured goal. */
  enoughData: boolean;
  /** Placements with a measured goal; null below the threshold (the count itself would tell too much). */
  placements: number | null;
  goalsMeasured: number | null;
  /** Share of measured goals met (0..1, three decimals); null below the threshold. */
  goalsMetShare: number | null;
  areas: AreaEffect[];
}

const days = (from: string, to: string) => (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
const round = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;

export function goalIsMet(goal: MeasuredGoal): boolean {
  return goal.measurements.length > 0 && goal.measurements[goal.measurements.length - 1].level >= 0;
}

/** Change in level per year between a goal's first and last measurement, or null when measured over less than 30 days. */
export function progressionPerYear(goal: MeasuredGoal): number | null {
  if (goal.measurements.length < 2) return null;
  const first = goal.measurements[0];
  const last = goal.measurements[goal.measurements.length - 1];
  const span = days(first.measuredOn, last.measuredOn);
  return span >= MIN_SPAN_DAYS ? (last.level - first.level) / (span / 365.25) : null;
}

export function offerEffect(goals: MeasuredGoal[]): OfferEffect {
  const measured = goals.filter((g) => g.measurements.length > 0);
  const placements = new Set(measured.map((g) => g.placementId)).size;
  if (placements < MIN_PLACEMENTS_SHOWN) return { enoughData: false, placements: null, goalsMeasured: null, goalsMetShare: null, areas: [] };
  const areas = [...new Set(measured.map((g) => g.area))].sort().map((area): AreaEffect => {
    const withSpan = measured.filter((g) => g.area === area).map((g) => ({ g, perYear: progressionPerYear(g) })).filter((x) => x.perYear !== null);
    const inArea = new Set(withSpan.map((x) => x.g.placementId)).size;
    if (inArea < MIN_PLACEMENTS_SHOWN) return { area, suppressed: true, placements: null, progressionPerYear: null };
    const average = withSpan.reduce((sum, x) => sum + (x.perYear as number), 0) / withSpan.length;
    return { area, suppressed: false, placements: inArea, progressionPerYear: round(average, 2) };
  });
  return {
    enoughData: true, placements, goalsMeasured: measured.length,
    goalsMetShare: round(measured.filter(goalIsMet).length / measured.length, 3), areas,
  };
}
