/**
 * Kapacitets- og behovsopgørelse: expected need for places per region and target group, from history.
 *
 * Method (transparent on purpose, so a secretariat can check it by hand):
 * 1. Inflow: placements started per month over the last 24 complete months, s_1 … s_24 (oldest first).
 * 2. Simple exponential smoothing with α = 0.3: L_1 = s_1, L_t = α·s_t + (1 − α)·L_{t−1}. The
 *    forecast monthly inflow is λ = L_24 (Brown 1956; Hyndman & Athanasopoulos, "Forecasting:
 *    Principles and Practice", ch. 8.1).
 * 3. Mean length of stay W in months: the mean of completed stays when at least 5 have ended,
 *    otherwise the mean time the current residents have stayed so far (a lower bound, said so).
 * 4. Places needed (Little's law, L = λ·W) plus the citizens on the waiting list now.
 * 5. The gap: places needed − places available after announced closures and reductions.
 */
export const SMOOTHING_ALPHA = 0.3;
export const HISTORY_MONTHS = 24;
const MIN_COMPLETED_STAYS = 5;

export function exponentialSmoothing(series: number[], alpha = SMOOTHING_ALPHA): number {
  if (!series.length) return 0;
  return series.slice(1).reduce((level, s) => alpha * s + (1 - alpha) * level, series[0]);
}

export interface NeedInput {
  /** Placements started in each of the last months, oldest first. */
  monthlyStarts: number[];
  /** Lengths of completed stays, in months. */
  completedStayMonths: number[];
  /** How long each current resident has stayed so far, in months. */
  currentStayMonths: number[];
  waiting: number;
  /** Approved places now, and those closing or reduced within 12 months. */
  approved: number;
  closingOrReduced: number;
}

export interface NeedForecast {
  monthlyInflow: number;
  meanStayMonths: number;
  /** 'completed' when W comes from ended stays, 'current' when from the stays so far (a lower bound). */
  stayBasis: 'completed' | 'current' | 'none';
  placesNeeded: number;
  placesAvailable: number;
  /** Needed − available; positive is a shortfall. */
  gap: number;
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const one = (value: number) => Math.round(value * 10) / 10;

export function forecastNeed(input: NeedInput): NeedForecast {
  const monthlyInflow = exponentialSmoothing(input.monthlyStarts);
  const stayBasis = input.completedStayMonths.length >= MIN_COMPLETED_STAYS ? 'completed' : input.currentStayMonths.length ? 'current' : 'none';
  const meanStayMonths = stayBasis === 'completed' ? mean(input.completedStayMonths) : stayBasis === 'current' ? mean(input.currentStayMonths) : 0;
  const placesNeeded = Math.ceil(monthlyInflow * meanStayMonths + input.waiting);
  const placesAvailable = Math.max(0, input.approved - input.closingOrReduced);
  return { monthlyInflow: one(monthlyInflow), meanStayMonths: one(meanStayMonths), stayBasis, placesNeeded, placesAvailable, gap: placesNeeded - placesAvailable };
}

/** The supply-risk rule: a forecast shortfall larger than the region's threshold. */
export function forecastGapExceeds(forecast: NeedForecast, thresholdPlaces: number): { fires: boolean; figures: Record<string, number>; threshold: number } {
  return {
    fires: forecast.gap > thresholdPlaces,
    figures: { placesNeeded: forecast.placesNeeded, placesAvailable: forecast.placesAvailable, gap: forecast.gap, monthlyInflow: forecast.monthlyInflow, meanStayMonths: forecast.meanStayMonths },
    threshold: thresholdPlaces,
  };
}
