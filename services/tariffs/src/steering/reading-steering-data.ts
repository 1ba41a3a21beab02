import { Injectable } from '@nestjs/common';
import { MUNICIPALITIES, regionOfMunicipality, RuleViolation } from '@tilbudsnet/contracts';
import { DataSource } from 'typeorm';
import {
  anonymisedRanking, cellOf, MAX_MONTHS, MIN_PLACEMENTS, monthsBetween, municipalityTotals, steeringCells, trend,
  type Cell, type CellKey, type PlacementMonth,
} from './domain/steering-figures';

export interface Period { from: string; to: string }

interface Row { placement_id: string; month: string; paying_municipality: string; operator: string; target_group: string; paragraph: string; days: number; spend_oere: string }

const toPlacementMonth = (r: Row): PlacementMonth => ({
  placementId: r.placement_id, month: r.month, payingMunicipality: r.paying_municipality, operator: r.operator,
  targetGroup: r.target_group, paragraph: r.paragraph, days: r.days, spend: BigInt(r.spend_oere),
});

/**
 * One row per placement and month (or per placement over the period, `byMonth` false) from the
 * statement lines billed for those months: days of stay, spend in øre (amounts are kroner text with
 * two decimals, so dropping the point gives øre exactly). A placement tariffs never heard requested
 * (before the steering data existed) counts with target group and paragraph `unknown`. Delivered
 * units of single services are not placements and are left out.
 */
function placementMonths(db: DataSource, period: Period, municipalities: readonly string[] | null, byMonth: boolean): Promise<Row[]> {
  return db.query(
    `SELECT l->>'placementId' AS placement_id, CASE WHEN $4 THEN s.month ELSE $1 || '..' || $2 END AS month, s.paying_municipality, s.operator,
            COALESCE(n.target_group, 'unknown') AS target_group, COALESCE(n.paragraph, 'unknown') AS paragraph,
            sum(CASE WHEN l->>'kind' = 'stay' THEN (l->>'days')::int ELSE 0 END)::int AS days,
            sum(replace(l->>'amount', '.', '')::bigint)::text AS spend_oere
     FROM statements s CROSS JOIN LATERAL jsonb_array_elements(s.lines) l
     LEFT JOIN placement_needs n ON n.placement_id = (l->>'placementId')::uuid
     WHERE s.month BETWEEN $1 AND $2 AND ($3::text[] IS NULL OR s.paying_municipality = ANY($3::text[])) AND l->>'kind' <> 'units'
     GROUP BY 1, 2, 3, 4, 5, 6`,
    [period.from, period.to, municipalities, byMonth],
  );
}

const inRegion = (region: string) => MUNICIPALITIES.filter((m) => regionOfMunicipality(m.code) === region).map((m) => m.code);

export interface MunicipalitySteering {
  municipality: string; region: string; from: string; to: string; minPlacements: number;
  total: Cell<{ payingMunicipality: string }>;
  trend: Cell<{ month: string }>[];
  cells: Cell<CellKey>[];
  benchmarks: { region: Cell<{ scope: 'region' }>; country: Cell<{ scope: 'country' }> };
  /** The region's municipalities by average day rate, without names; `self` marks the asker. */
  ranking: ReturnType<typeof anonymisedRanking>;
}

export interface RegionSteering {
  region: string; from: string; to: string; minPlacements: number;
  municipalities: Cell<{ payingMunicipality: string }>[];
  trend: Cell<{ month: string }>[];
  cells: Cell<CellKey>[];
  benchmarks: { region: Cell<{ scope: 'region' }>; country: Cell<{ scope: 'country' }> };
}

/** Use case: styringsdata. A municipality reads its own figures beside anonymised others; the secretariat reads its region. */
@Injectable()
export class ReadingSteeringData {
  constructor(private readonly dataSource: DataSource) {}

  /** The period asked for, or the twelve months up to last month; at most MAX_MONTHS months, `from` not after `to`. */
  static periodOf(from: string | undefined, to: string | undefined, today = new Date()): Period {
    const lastMonth = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1, 1));
    const end = to ?? lastMonth.toISOString().slice(0, 7);
    const [y, m] = end.split('-').map(Number);
    const start = from ?? new Date(Date.UTC(y, m - 12, 1)).toISOString().slice(0, 7);
    const months = monthsBetween(start, end).length;
    if (months === 0) throw new RuleViolation('from', 'from-not-after-to', `from ${start} is after to ${end}`, 400);
    if (months > MAX_MONTHS) throw new RuleViolation('to', 'at-most-36-months', `${months} months asked for; at most ${MAX_MONTHS}`, 400);
    return { from: start, to: end };
  }

  async forMunicipality(code: string, period: Period): Promise<MunicipalitySteering> {
    const region = regionOfMunicipality(code)!;
    const own = (await placementMonths(this.dataSource, period, [code], true)).map(toPlacementMonth);
    const national = (await placementMonths(this.dataSource, period, null, false)).map(toPlacementMonth);
    const regional = national.filter((r) => regionOfMunicipality(r.payingMunicipality) === region);
    return {
      municipality: code, region, ...period, minPlacements: MIN_PLACEMENTS,
      total: cellOf({ payingMunicipality: code }, own),
      trend: trend(own, monthsBetween(period.from, period.to)),
      cells: steeringCells(own),
      benchmarks: { region: cellOf({ scope: 'region' as const }, regional), country: cellOf({ scope: 'country' as const }, national) },
      ranking: anonymisedRanking(regional, code),
    };
  }

  async forRegion(region: string, period: Period): Promise<RegionSteering> {
    const rows = (await placementMonths(this.dataSource, period, inRegion(region), true)).map(toPlacementMonth);
    const national = (await placementMonths(this.dataSource, period, null, false)).map(toPlacementMonth);
    return {
      region, ...period, minPlacements: MIN_PLACEMENTS,
      municipalities: municipalityTotals(rows),
      trend: trend(rows, monthsBetween(period.from, period.to)),
      cells: steeringCells(rows),
      benchmarks: { region: cellOf({ scope: 'region' as const }, rows), country: cellOf({ scope: 'country' as const }, national) },
    };
  }
}
