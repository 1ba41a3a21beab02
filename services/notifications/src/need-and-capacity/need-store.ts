import { MUNICIPALITIES, TARGET_GROUPS, findRegion } from '@tilbudsnet/contracts';
import type { EntityManager } from 'typeorm';
import { placesForTargetGroup } from '../read-models/read-model-queries';
import { completeMonthsBefore } from '../supply/domain/supply-rules';
import { forecastNeed, HISTORY_MONTHS } from './domain/demand-forecast';
import type { CapacityReport, NeedRow } from './domain/capacity-report';

const MONTH_DAYS = 30.4375;

/**
 * Per target group served in the region: supply after announced closures, the waiting list, the
 * history the forecast needs (starts per month, completed and current stays) and the
 * municipalities' reported demand for `year`, as of `asOf`.
 */
export async function needRows(manager: EntityManager, regionCode: string, year: number, asOf: Date): Promise<NeedRow[]> {
  const today = asOf.toISOString().slice(0, 10);
  const months = completeMonthsBefore(asOf, HISTORY_MONTHS);
  // The groups the region's offers serve, and those its municipalities expect to need (a need without any offer is the gap that matters most).
  const groups: { g: string }[] = await manager.query(
    `SELECT g FROM (SELECT unnest(target_groups) AS g FROM n_offers WHERE region_code = $1
                    UNION SELECT target_group FROM demand_reports WHERE year = $2 AND municipality_code = ANY($3)) AS groups ORDER BY 1`,
    [regionCode, year, municipalitiesOf(regionCode)]);
  const rows: NeedRow[] = [];
  for (const { g: targetGroup } of groups) {
    const supply = await placesForTargetGroup(manager, regionCode, targetGroup, today);
    const starts: { month: string; n: number }[] = await manager.query(
      `SELECT to_char(p.started_on, 'YYYY-MM') AS month, count(*)::int AS n FROM n_placements p JOIN n_offers o ON o.offer_id = p.offer_id
        WHERE o.region_code = $1 AND p.target_group = $2 AND p.started_on IS NOT NULL AND to_char(p.started_on, 'YYYY-MM') = ANY($3) GROUP BY 1`,
      [regionCode, targetGroup, months]);
    const stays: { ended: boolean; days: number }[] = await manager.query(
      `SELECT (p.ended_on IS NOT NULL AND p.ended_on <= $3::date) AS ended, (LEAST(COALESCE(p.ended_on, $3::date), $3::date) - p.started_on)::int AS days
         FROM n_placements p JOIN n_offers o ON o.offer_id = p.offer_id
        WHERE o.region_code = $1 AND p.target_group = $2 AND p.started_on IS NOT NULL AND p.started_on <= $3::date AND p.status IN ('started', 'notice-given', 'ended')`,
      [regionCode, targetGroup, today]);
    const [{ waiting }] = await manager.query(
      'SELECT count(*)::int AS waiting FROM n_waitlist WHERE region_code = $1 AND target_group = $2 AND removed_at IS NULL AND added_at IS NOT NULL', [regionCode, targetGroup]);
    const [{ reported }] = await manager.query(
      'SELECT SUM(places)::int AS reported FROM demand_reports WHERE year = $1 AND target_group = $2 AND municipality_code = ANY($3)',
      [year, targetGroup, municipalitiesOf(regionCode)]);
    const byMonth = new Map(starts.map((s) => [s.month, s.n]));
    rows.push({
      targetGroup, targetGroupName: TARGET_GROUPS.find((t) => t.id === targetGroup)?.da ?? targetGroup, reported: reported ?? null,
      forecast: forecastNeed({
        monthlyStarts: months.map((m) => byMonth.get(m) ?? 0),
        completedStayMonths: stays.filter((s) => s.ended).map((s) => s.days / MONTH_DAYS),
        currentStayMonths: stays.filter((s) => !s.ended).map((s) => s.days / MONTH_DAYS),
        waiting, approved: supply.approved, closingOrReduced: supply.reduction,
      }),
    });
  }
  return rows;
}

/** The municipalities of a region (reported demand is summed over them). */
function municipalitiesOf(regionCode: string): string[] {
  return MUNICIPALITIES.filter((m) => m.regionCode === regionCode).map((m) => m.code);
}

/** The report as it stands: the secretariat's words, the figures now, the year's warnings and the closures ahead. */
export async function capacityReportOf(manager: EntityManager, regionCode: string, year: number, asOf: Date): Promise<CapacityReport> {
  const [text] = await manager.query('SELECT introduction, conclusions, status, published_at FROM capacity_reports WHERE region_code = $1 AND year = $2', [regionCode, year]);
  const warnings: { raised_on: string; subject: string; description: string }[] = await manager.query(
    `SELECT to_char(w.raised_at AT TIME ZONE 'Europe/Copenhagen', 'YYYY-MM-DD') AS raised_on, COALESCE(o.name, w.rule, w.category) AS subject, w.description
       FROM early_warnings w LEFT JOIN n_offers o ON o.offer_id = w.offer_id
      WHERE w.region_code = $1 AND w.raised_at >= make_date($2, 1, 1) - interval '1 year' AND w.raised_at < make_date($2, 1, 1) + interval '1 year'
      ORDER BY w.raised_at`, [regionCode, year]);
  const closures: { name: string; effective_date: string; places: number }[] = await manager.query(
    `SELECT name, to_char(COALESCE(closure_date, (adjustment->>'effectiveDate')::date), 'YYYY-MM-DD') AS effective_date,
            CASE WHEN closure_date IS NOT NULL THEN approved ELSE GREATEST(0, approved - (adjustment->>'approvedPlaces')::int) END AS places
       FROM n_offers WHERE region_code = $1 AND status IN ('closure-announced', 'adjusting') ORDER BY 2`, [regionCode]);
  return {
    regionName: findRegion(regionCode)?.name ?? regionCode, year, introduction: text?.introduction ?? '', conclusions: text?.conclusions ?? '',
    rows: await needRows(manager, regionCode, year, asOf), status: text?.status ?? 'draft', publishedAt: text?.published_at ? new Date(text.published_at).toISOString() : null,
    warnings: warnings.map((w) => ({ raisedOn: w.raised_on, subject: w.subject, description: w.description })),
    closures: closures.map((c) => ({ offerName: c.name, effectiveDate: c.effective_date, places: c.places })),
  };
}

