import type { CapacityFigures, EventOf, TilbudsnetEvent } from '@tilbudsnet/contracts';
import type { EntityManager } from 'typeorm';
import type { OfferFacts } from '../notices/domain/notice-texts';

/** Queries over the read models that several handlers and services need. */

export interface OfferRow {
  offer_id: string;
  name: string;
  operator: string;
  municipality_code: string;
  region_code: string;
  target_groups: string[];
  paragraphs: { paragraph: string; approvedPlaces: number }[];
  status: string;
  budgeted_occupancy_pct: string;
  approved: number;
  occupied: number;
  reserved: number;
  vacant: number;
  closure_date: string | null;
  adjustment: { paragraph: string; approvedPlaces: number; effectiveDate: string } | null;
  version: number;
}

export async function offerRow(manager: EntityManager, offerId: string): Promise<OfferRow | undefined> {
  const [row] = await manager.query("SELECT *, to_char(closure_date, 'YYYY-MM-DD') AS closure_date FROM n_offers WHERE offer_id = $1", [offerId]);
  return row;
}

/**
 * Applies an offer's capacity change of `version` to `n_offers` and its history, in one statement
 * (it runs for every capacity change). Returns the row as it was before, or undefined when the
 * offer is unknown or already has this version (a redelivery or a late event: nothing changes).
 */
export async function applyCapacityChange(
  manager: EntityManager, offerId: string, capacity: CapacityFigures, paragraphs: OfferRow['paragraphs'], version: number, at: Date,
): Promise<OfferRow | undefined> {
  const [before] = await manager.query(
    `WITH before AS (SELECT * FROM n_offers WHERE offer_id = $1 FOR UPDATE),
     changed AS (
       UPDATE n_offers n SET approved = $2, occupied = $3, reserved = $4, vacant = $5, paragraphs = $6, version = $7
       FROM before b WHERE n.offer_id = b.offer_id AND b.version < $7 RETURNING n.offer_id),
     history AS (
       INSERT INTO n_capacity_history (offer_id, at, approved, occupied, vacant) SELECT offer_id, $8, $2, $3, $5 FROM changed)
     SELECT b.*, to_char(b.closure_date, 'YYYY-MM-DD') AS closure_date FROM before b JOIN changed c ON c.offer_id = b.offer_id`,
    [offerId, capacity.approvedPlaces, capacity.occupiedPlaces, capacity.reservedPlaces, capacity.vacantPlaces, JSON.stringify(paragraphs), version, at]);
  return before;
}

export function offerFacts(row: OfferRow): OfferFacts {
  return { offerId: row.offer_id, name: row.name, regionCode: row.region_code, targetGroups: row.target_groups, paragraphs: row.paragraphs.map((p) => p.paragraph) };
}

/** Acting municipalities (handlekommuner) with a citizen living in the offer now. */
export async function municipalitiesWithCitizens(manager: EntityManager, offerId: string): Promise<string[]> {
  const rows: { m: string }[] = await manager.query(
    "SELECT DISTINCT acting_municipality AS m FROM n_placements WHERE offer_id = $1 AND status = 'started' AND acting_municipality IS NOT NULL ORDER BY 1", [offerId]);
  return rows.map((r) => r.m);
}

/** Municipalities that started a placement in one of these target groups in the 12 months before `asOf`. */
export async function recentBuyersOf(manager: EntityManager, targetGroups: string[], asOf: Date): Promise<string[]> {
  const rows: { m: string }[] = await manager.query(
    `SELECT DISTINCT acting_municipality AS m FROM n_placements
     WHERE target_group = ANY($1) AND started_on IS NOT NULL AND started_on >= ($2::date - interval '12 months') AND acting_municipality IS NOT NULL ORDER BY 1`,
    [targetGroups, asOf.toISOString().slice(0, 10)]);
  return rows.map((r) => r.m);
}

/**
 * Locks, in one order (region, then target group, by code point), the region rows that a chunk's
 * offer events will refresh: the consumer applies partitions concurrently, and chunks that took
 * them event by event, in their own orders, deadlocked. A row not there yet (a region × group's
 * first offer) is created first, in the same order, with no vacancy; the event's refresh then
 * sums it. (Were that event stale, the row would stay at 0 with no zero_since until the region's
 * next change: a registration or update older than one already applied.)
 */
export async function lockRegionRowsFor(events: readonly TilbudsnetEvent[], manager: EntityManager): Promise<void> {
  const keys: [string, string][] = [];
  const changed: string[] = [];
  for (const event of events) {
    if (event.type === 'OfferRegistered' || event.type === 'OfferUpdated') {
      const { regionCode, targetGroups } = (event as EventOf<'OfferRegistered'>).payload.offer;
      for (const group of targetGroups) keys.push([regionCode, group]);
    } else if (event.type === 'CapacityChanged') {
      changed.push((event as EventOf<'CapacityChanged'>).payload.offerId);
    }
  }
  if (!keys.length && !changed.length) return;
  if (keys.length) {
    await manager.query(
      `INSERT INTO n_region_vacancy (region_code, target_group, vacant)
       SELECT r, g, 0 FROM (SELECT DISTINCT r, g FROM unnest($1::text[], $2::text[]) AS k(r, g)) k ORDER BY r COLLATE "C", g COLLATE "C"
       ON CONFLICT (region_code, target_group) DO NOTHING`,
      [keys.map(([r]) => r), keys.map(([, g]) => g)]);
  }
  await manager.query(
    `SELECT 1 FROM n_region_vacancy v
     WHERE (v.region_code, v.target_group) IN (
       SELECT * FROM unnest($1::text[], $2::text[])
       UNION SELECT o.region_code, g FROM n_offers o, unnest(o.target_groups) AS g WHERE o.offer_id = ANY($3::uuid[]))
     ORDER BY v.region_code COLLATE "C", v.target_group COLLATE "C"
     FOR UPDATE OF v`,
    [keys.map(([r]) => r), keys.map(([, g]) => g), changed]);
}

/** Keeps each region × target group's total vacancy and since when it has been zero. */
export async function refreshRegionVacancy(manager: EntityManager, regionCode: string, targetGroups: string[], at: Date): Promise<void> {
  // By code point, the order lockRegionRowsFor takes a chunk's rows in.
  for (const targetGroup of [...targetGroups].sort()) {
    // The consumer applies partitions concurrently: the sum must be taken after this transaction
    // holds the region's row, so it sees every other offer's committed change. Summed first and
    // written after, two concurrent changes each left the sum without the other's (a lost update).
    await manager.query(
      `INSERT INTO n_region_vacancy (region_code, target_group, vacant) VALUES ($1, $2, 0)
       ON CONFLICT (region_code, target_group) DO UPDATE SET vacant = n_region_vacancy.vacant`, [regionCode, targetGroup]);
    // A statement of its own, so its snapshot is taken once the lock is held.
    await manager.query(
      `UPDATE n_region_vacancy v SET vacant = s.vacant, zero_since = CASE WHEN s.vacant = 0 THEN COALESCE(v.zero_since, $3::timestamptz) END
       FROM (SELECT COALESCE(SUM(vacant), 0)::int AS vacant FROM n_offers WHERE region_code = $1 AND $2 = ANY(target_groups) AND status = 'active') s
       WHERE v.region_code = $1 AND v.target_group = $2`,
      [regionCode, targetGroup, at]);
  }
}

/** Started placements in an offer per acting municipality, for a target group (placements whose group is unknown count too). */
export async function placementsByMunicipality(manager: EntityManager, offerId: string, targetGroup: string): Promise<Record<string, number>> {
  const rows: { municipality: string; n: number }[] = await manager.query(
    `SELECT acting_municipality AS municipality, count(*)::int AS n FROM n_placements
     WHERE offer_id = $1 AND status = 'started' AND (target_group IS NULL OR target_group = $2) GROUP BY acting_municipality`, [offerId, targetGroup]);
  return Object.fromEntries(rows.map((r) => [r.municipality, r.n]));
}

/**
 * A region's approved places for a target group (offers not closed), and how many of them close or
 * are cut by an announced reduction within 12 months of `today`.
 */
export async function placesForTargetGroup(manager: EntityManager, regionCode: string, targetGroup: string, today: string): Promise<{ approved: number; reduction: number }> {
  const [row] = await manager.query(
    `SELECT COALESCE(SUM(approved), 0)::int AS approved,
       COALESCE(SUM(CASE WHEN closure_date BETWEEN $3::date AND $3::date + interval '12 months' THEN approved
         WHEN adjustment IS NOT NULL AND (adjustment->>'effectiveDate')::date BETWEEN $3::date AND $3::date + interval '12 months'
           THEN GREATEST(0, COALESCE((SELECT (p->>'approvedPlaces')::int FROM jsonb_array_elements(paragraphs) p WHERE p->>'paragraph' = adjustment->>'paragraph'), 0)
             - (adjustment->>'approvedPlaces')::int)
         ELSE 0 END), 0)::int AS reduction
     FROM n_offers WHERE region_code = $1 AND $2 = ANY(target_groups) AND status <> 'closed'`,
    [regionCode, targetGroup, today]);
  return row;
}

