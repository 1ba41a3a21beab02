import { Injectable } from '@nestjs/common';
import { RuleViolation, type OfferSnapshot } from '@tilbudsnet/contracts';
import { DataSource } from 'typeorm';
import { CatalogueOfferRecord } from '../catalogue/catalogue-offer.entity';
import { MIN_PLACEMENTS_SHOWN } from '../progression/domain/effect';
import { namePattern } from './domain/name-pattern';
import { rankOffers, type RankableOffer, type RankedOffer } from './domain/ranking';
import { searchPointOf, type SearchPoint } from './domain/search-point';
import type { SearchOffersQuery } from './search-offers.query';

/** Effect as search shows it: the share of measured goals met, or null when fewer than 5 placements have a measured goal. */
export interface SearchEffect { goalsMetShare: number | null; enoughData: boolean }

/** A hit; a single service (enkeltydelse) carries its published unit price for the year (null when none). */
export type SearchHit = OfferSnapshot & { rank: Omit<RankedOffer, 'offer'>; effect: SearchEffect; unitPrice?: string | null };

export interface SearchResult {
  items: SearchHit[];
  /** Items on this page. */
  count: number;
  /** Offers that pass the filters (the ranking orders at most RANKED_AT_MOST of them). */
  total: number;
  offset: number;
  /** The point distances were measured from, when one was given (a municipality's seat, a postal code's town, or coordinates). */
  from?: SearchPoint;
}

/** How many of the filtered offers are ranked; paging reaches this far. */
const RANKED_AT_MOST = 2000;


/** Great-circle distance in SQL (km), for the distance filter and the pre-sort. */
const DISTANCE_SQL = `(6371 * acos(least(1, cos(radians(:lat)) * cos(radians(c.lat)) * cos(radians(c.lon) - radians(:lon)) + sin(radians(:lat)) * sin(radians(c.lat)))))`;

/** The offer's share of measured goals met (the latest measurement 0 or above), as `offerEffect` computes it; null below the threshold. */
const EFFECT_SQL = `(SELECT CASE WHEN count(DISTINCT g.placement_id) >= ${MIN_PLACEMENTS_SHOWN} THEN round(avg(CASE WHEN l.level >= 0 THEN 1.0 ELSE 0.0 END), 3) END
   FROM placement_goals g JOIN LATERAL (SELECT m.level FROM goal_measurements m WHERE m.goal_id = g.id ORDER BY m.measured_on DESC, m.created_at DESC LIMIT 1) l ON true
  WHERE g.offer_id = c.offer_id)`;

/** A candidate as the filter query reads it: the few columns ranking needs, not the snapshot. */
interface CandidateRow {
  offer_id: string; name: string; target_groups: string[]; specialisation_level: OfferSnapshot['specialisationLevel'];
  status: OfferSnapshot['status']; vacant_places: number; lat: number; lon: number; day_rate: string | null; total: string;
}

function rankableOf(row: CandidateRow): RankableOffer {
  return {
    offerId: row.offer_id, name: row.name, targetGroups: row.target_groups, specialisationLevel: row.specialisation_level,
    status: row.status, location: { lat: row.lat, lon: row.lon }, capacity: { vacantPlaces: row.vacant_places },
  };
}

/** The page's offers in the given order, whole, with their unit price and effect: one query for the page. */
const PAGE_SQL = `SELECT p.offer_id::text AS offer_id, c.snapshot, t.unit_price, ${EFFECT_SQL} AS share
  FROM unnest($1::uuid[]) WITH ORDINALITY AS p(offer_id, n)
  JOIN catalogue_offers c ON c.offer_id = p.offer_id
  LEFT JOIN catalogue_tariffs t ON t.offer_id = c.offer_id AND t.year = $2
  ORDER BY p.n`;

interface PageRow { offer_id: string; snapshot: OfferSnapshot; unit_price: string | null; share: string | null }

/**
 * Answers searches from visitation's own catalogue, so search works while offers is down. Hard
 * filters in SQL (a maximum day rate among them); the ranking (fit, vacancy, distance, price) and
 * its reasons in `ranking.ts`. Two queries: the filter reads narrow candidate rows (no snapshot),
 * ranking picks the page, then the page's snapshots come with their effect and unit price.
 */
@Injectable()
export class SearchingOffers {
  constructor(private readonly dataSource: DataSource) {}

  async search(query: SearchOffersQuery): Promise<SearchResult> {
    const point = searchPointOf(query);
    if (query.maxDistanceKm !== undefined && !point) {
      throw new RuleViolation('maxDistanceKm', 'needs-point', 'maxDistanceKm needs a point to measure from: lat and lon, fromMunicipality or fromPostalCode');
    }
    const sort = query.sort ?? 'relevance';
    if (sort === 'distance' && !point) throw new RuleViolation('sort', 'needs-point', 'sort=distance needs a point to measure from: lat and lon, fromMunicipality or fromPostalCode', 400);
    const year = query.tariffYear ?? new Date().getUTCFullYear();
    const packageCode = query.packageCode ?? 'base';
    const qb = this.dataSource.getRepository(CatalogueOfferRecord).createQueryBuilder('c')
      .select('c.offer_id', 'offer_id')
      .addSelect(`c.snapshot ->> 'name'`, 'name')
      .addSelect('c.target_groups', 'target_groups')
      .addSelect('c.specialisation_level', 'specialisation_level')
      .addSelect('c.status', 'status')
      .addSelect('c.vacant_places', 'vacant_places')
      .addSelect('c.lat', 'lat')
      .addSelect('c.lon', 'lon')
      // The package's rate, or the base rate where the offer has no such package.
      .addSelect(`coalesce(t.rates ->> :packageCode, t.rates ->> 'base')`, 'day_rate')
      .leftJoin('catalogue_tariffs', 't', 't.offer_id = c.offer_id AND t.year = :year', { year, packageCode });
    if (query.maxDayTariff) qb.andWhere(`coalesce(t.rates ->> :packageCode, t.rates ->> 'base')::numeric <= :maxDayTariff::numeric`, { maxDayTariff: query.maxDayTariff });
    if (query.targetGroup) qb.andWhere(':targetGroup = ANY(c.target_groups)', { targetGroup: query.targetGroup });
    if (query.kind === 'places') qb.andWhere(`NOT (c.snapshot ? 'units')`);
    if (query.kind === 'units') qb.andWhere(`c.snapshot ? 'units'`);
    if (query.kind && query.kind !== 'places' && query.kind !== 'units') qb.andWhere(`c.snapshot -> 'units' ->> 'kind' = :kind`, { kind: query.kind });
    if (query.paragraph) qb.andWhere(':paragraph = ANY(c.paragraphs)', { paragraph: query.paragraph });
    if (query.region) qb.andWhere('c.region_code = :region', { region: query.region });
    if (query.municipality) qb.andWhere('c.municipality_code = :municipality', { municipality: query.municipality });
    if (query.q?.trim()) qb.andWhere(`(c.snapshot ->> 'name' ILIKE :name OR c.snapshot -> 'operator' ->> 'name' ILIKE :name)`, { name: namePattern(query.q) });
    if (query.specialisationLevel) qb.andWhere('c.specialisation_level = :level', { level: query.specialisationLevel });
    if (query.minGoalsMetPct !== undefined) qb.andWhere(`${EFFECT_SQL} >= :minShare`, { minShare: query.minGoalsMetPct / 100 });
    if (query.hasVacancy === true) qb.andWhere(`c.vacant_places > 0 AND c.status = 'active'`);
    if (query.hasVacancy === false) qb.andWhere(`NOT (c.vacant_places > 0 AND c.status = 'active')`);
    const near = point ? { lat: point.lat, lon: point.lon } : undefined;
    if (near) qb.setParameters(near);
    if (near && query.maxDistanceKm) qb.andWhere(`${DISTANCE_SQL} <= :maxKm`, { maxKm: query.maxDistanceKm });
    // The total comes with the rows (a window count over the filtered offers, taken before the
    // limit): one query for what was two. Only a page past the end needs its own count.
    const offset = query.offset ?? 0;
    qb.addSelect('count(*) OVER ()', 'total');
    const totalOf = async (rows: { total: string }[]) => (rows.length ? Number(rows[0].total) : offset ? await qb.clone().orderBy().offset(undefined).limit(undefined).getCount() : 0);
    let total: number;
    const criteria = { near, maxDistanceKm: query.maxDistanceKm, targetGroups: query.targetGroup ? [query.targetGroup] : undefined, specialisationLevel: query.specialisationLevel };
    let ranked: RankedOffer<RankableOffer>[];
    if (sort === 'relevance') {
      // Pre-sort in SQL so the candidates ranked in code are the likely best ones.
      qb.orderBy(`(c.vacant_places > 0 AND c.status = 'active')`, 'DESC');
      if (near) qb.addOrderBy(DISTANCE_SQL, 'ASC');
      qb.addOrderBy('c.offer_id').limit(Math.min(RANKED_AT_MOST, (offset + query.limit) * 4));
      const rows: CandidateRow[] = await qb.getRawMany();
      total = await totalOf(rows);
      ranked = rankOffers(rows.map((r) => ({ offer: rankableOf(r), dayRate: r.day_rate })), criteria).slice(offset, offset + query.limit);
    } else {
      // A plain key sorts every filtered offer in SQL, so paging walks the whole result; the page is then ranked for its reasons.
      const rate = `(coalesce(t.rates ->> :packageCode, t.rates ->> 'base'))::numeric`;
      if (sort === 'name') qb.orderBy(`c.snapshot ->> 'name'`, 'ASC');
      if (sort === 'day-rate') qb.orderBy(rate, 'ASC', 'NULLS LAST');
      if (sort === 'vacant-places') qb.orderBy(`CASE WHEN c.status = 'active' THEN c.vacant_places ELSE 0 END`, 'DESC');
      if (sort === 'distance') qb.orderBy(DISTANCE_SQL, 'ASC');
      if (sort === 'effect') qb.orderBy(EFFECT_SQL, 'DESC', 'NULLS LAST');
      qb.addOrderBy('c.offer_id').offset(offset).limit(query.limit);
      const rows: CandidateRow[] = await qb.getRawMany();
      total = await totalOf(rows);
      const byId = new Map(rankOffers(rows.map((r) => ({ offer: rankableOf(r), dayRate: r.day_rate })), criteria).map((r) => [r.offer.offerId, r]));
      ranked = rows.map((r) => byId.get(r.offer_id)!);
    }
    // The page's snapshots, with effect and unit price, in one query; the search itself does not pay for them.
    const page: PageRow[] = await this.dataSource.query(PAGE_SQL, [ranked.map((r) => r.offer.offerId), year]);
    const ranks = new Map(ranked.map(({ offer, ...rank }) => [offer.offerId, rank]));
    // An offer gone from the catalogue between the two queries (a removal) is simply not on the page.
    const items: SearchHit[] = page.map(({ offer_id, snapshot, unit_price, share }) => {
      const goalsMetShare = share === null ? null : Number(share);
      return { ...snapshot, rank: ranks.get(offer_id)!, effect: { goalsMetShare, enoughData: goalsMetShare !== null }, ...(snapshot.units ? { unitPrice: unit_price ?? null } : {}) };
    });
    return { items, count: items.length, total, offset, ...(point ? { from: point } : {}) };
  }
}
