import { Injectable } from '@nestjs/common';
import { RuleViolation, type OfferSnapshot } from '@tilbudsnet/contracts';
import { DataSource } from 'typeorm';
import { CatalogueOfferRecord } from '../catalogue/catalogue-offer.entity';
import { MIN_PLACEMENTS_SHOWN } from '../progression/domain/effect';
import { namePattern } from './domain/name-pattern';
import { rankOffers, type RankedOffer } from './domain/ranking';
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

interface SearchRow { snapshot: OfferSnapshot; day_rate: string | null; unit_price: string | null; total: string }

/**
 * Answers searches from visitation's own catalogue, so search works while offers is down. Hard
 * filters in SQL (a maximum day rate among them); the ranking (fit, vacancy, distance, price) and
 * its reasons in `ranking.ts`.
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
      .select('c.snapshot', 'snapshot')
      // The package's rate, or the base rate where the offer has no such package.
      .addSelect(`coalesce(t.rates ->> :packageCode, t.rates ->> 'base')`, 'day_rate')
      .addSelect('t.unit_price', 'unit_price')
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
    let ranked: RankedOffer[];
    const unitPrices = new Map<string, string | null>();
    if (sort === 'relevance') {
      // Pre-sort in SQL so the candidates ranked in code are the likely best ones.
      qb.orderBy(`(c.vacant_places > 0 AND c.status = 'active')`, 'DESC');
      if (near) qb.addOrderBy(DISTANCE_SQL, 'ASC');
      qb.addOrderBy('c.offer_id').limit(Math.min(RANKED_AT_MOST, (offset + query.limit) * 4));
      const rows: SearchRow[] = await qb.getRawMany();
      total = await totalOf(rows);
      rows.forEach((r) => unitPrices.set(r.snapshot.offerId, r.unit_price));
      ranked = rankOffers(rows.map((r) => ({ offer: r.snapshot, dayRate: r.day_rate })), criteria).slice(offset, offset + query.limit);
    } else {
      // A plain key sorts every filtered offer in SQL, so paging walks the whole result; the page is then ranked for its reasons.
      const rate = `(coalesce(t.rates ->> :packageCode, t.rates ->> 'base'))::numeric`;
      if (sort === 'name') qb.orderBy(`c.snapshot ->> 'name'`, 'ASC');
      if (sort === 'day-rate') qb.orderBy(rate, 'ASC', 'NULLS LAST');
      if (sort === 'vacant-places') qb.orderBy(`CASE WHEN c.status = 'active' THEN c.vacant_places ELSE 0 END`, 'DESC');
      if (sort === 'distance') qb.orderBy(DISTANCE_SQL, 'ASC');
      if (sort === 'effect') qb.orderBy(EFFECT_SQL, 'DESC', 'NULLS LAST');
      qb.addOrderBy('c.offer_id').offset(offset).limit(query.limit);
      const rows: SearchRow[] = await qb.getRawMany();
      total = await totalOf(rows);
      rows.forEach((r) => unitPrices.set(r.snapshot.offerId, r.unit_price));
      const byId = new Map(rankOffers(rows.map((r) => ({ offer: r.snapshot, dayRate: r.day_rate })), criteria).map((r) => [r.offer.offerId, r]));
      ranked = rows.map((r) => byId.get(r.snapshot.offerId)!);
    }
    // The effect of the page's offers only (one query), so the search itself does not pay for it.
    const shares = new Map<string, number | null>((await this.dataSource.query(
      `SELECT c.offer_id, ${EFFECT_SQL} AS share FROM unnest($1::uuid[]) AS c(offer_id)`, [ranked.map((r) => r.offer.offerId)],
    )).map((r: { offer_id: string; share: string | null }) => [r.offer_id, r.share === null ? null : Number(r.share)]));
    const items = ranked.map(({ offer, ...rank }) => {
      const goalsMetShare = shares.get(offer.offerId) ?? null;
      const unitPrice = unitPrices.get(offer.offerId);
      return { ...offer, rank, effect: { goalsMetShare, enoughData: goalsMetShare !== null }, ...(offer.units ? { unitPrice: unitPrice ?? null } : {}) };
    });
    return { items, count: items.length, total, offset, ...(point ? { from: point } : {}) };
  }
}
