import type { OfferSnapshot } from '@tilbudsnet/contracts';

/** Where the officer searches from, and what fits the citizen beyond the hard filters. */
export interface RankingCriteria {
  near?: { lat: number; lon: number };
  maxDistanceKm?: number;
  targetGroups?: string[];
  specialisationLevel?: string;
}

/**
 * What ranking reads of an offer: a whole snapshot will do, and so will the few columns search
 * reads for its candidates (it fetches whole snapshots for the page only).
 */
export type RankableOffer = Pick<OfferSnapshot, 'offerId' | 'name' | 'targetGroups' | 'specialisationLevel' | 'status' | 'location'> & {
  capacity: Pick<OfferSnapshot['capacity'], 'vacantPlaces'>;
};

/** An offer with its day rate for the needed package, where a tariff is published. */
export interface PricedOffer<O extends RankableOffer = OfferSnapshot> {
  offer: O;
  /** Kroner per day, as published ("1441.96"). */
  dayRate: string | null;
}

export interface RankedOffer<O extends RankableOffer = OfferSnapshot> {
  offer: O;
  dayRate: string | null;
  /** 0..1, higher first. */
  score: number;
  distanceKm: number | null;
  /** Why it ranks where it does, in Danish, for the officer. */
  reasons: string[];
  /** The same reasons as codes with their figures, for a reader in another language (the console). */
  why: RankReason[];
}

/** One reason of a rank, as a code with its figures; `reasons` holds the same in Danish words. */
export type RankReason =
  | { code: 'target-groups'; served: number; wanted: number }
  | { code: 'specialisation-level'; same: boolean; level: string }
  | { code: 'vacant-places'; places: number }
  | { code: 'not-admitting'; status: string }
  | { code: 'distance'; km: number }
  | { code: 'day-rate'; dayRate: string }
  | { code: 'no-tariff' };

/** The Danish words of a reason (what `reasons` has always held). */
export function danishReason(reason: RankReason): string {
  switch (reason.code) {
    case 'target-groups': return `matcher ${reason.served} af ${reason.wanted} målgrupper`;
    case 'specialisation-level': return reason.same ? 'rette specialiseringsniveau' : `specialiseringsniveau ${reason.level}`;
    case 'vacant-places': return reason.places > 0 ? `${reason.places} ledige pladser` : 'ingen ledige pladser';
    case 'not-admitting': return `tager ikke imod (${reason.status})`;
    case 'distance': return `${reason.km} km væk`;
    case 'day-rate': return `døgntakst ${kronerText(reason.dayRate)} kr`;
    case 'no-tariff': return 'ingen offentliggjort takst';
  }
}

/** Great-circle distance in km (haversine). */
export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = (d: number) => (d * Math.PI) / 180;
  const h = Math.sin(rad(b.lat - a.lat) / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(rad(b.lon - a.lon) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Weights of fit, vacancy, distance and price. */
const WEIGHTS = { fit: 0.35, vacancy: 0.3, distance: 0.2, price: 0.15 };

/** Price score: the cheapest of the results 1, the dearest 0; no tariff counts as the middle. */
function priceScore(rate: string | null, range: { min: number; max: number } | null): number {
  if (rate === null || !range || range.max === range.min) return 0.5;
  return 1 - (Number(rate) - range.min) / (range.max - range.min);
}

function kronerText(rate: string): string {
  const [whole, decimals] = rate.split('.');
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.')},${decimals}`;
}

export function rankOffer<O extends RankableOffer>({ offer, dayRate }: PricedOffer<O>, criteria: RankingCriteria, range: { min: number; max: number } | null = null): RankedOffer<O> {
  const why: RankReason[] = [];
  const wanted = criteria.targetGroups ?? [];
  const served = wanted.filter((t) => offer.targetGroups.includes(t));
  let fit = wanted.length ? served.length / wanted.length : 1;
  if (wanted.length) why.push({ code: 'target-groups', served: served.length, wanted: wanted.length });
  if (criteria.specialisationLevel) {
    const same = offer.specialisationLevel === criteria.specialisationLevel;
    fit = (fit + (same ? 1 : 0)) / 2;
    why.push({ code: 'specialisation-level', same, level: offer.specialisationLevel });
  }
  const vacant = offer.status === 'active' ? offer.capacity.vacantPlaces : 0;
  const vacancy = Math.min(1, vacant / 3);
  why.push(offer.status === 'active' ? { code: 'vacant-places', places: vacant } : { code: 'not-admitting', status: offer.status });
  let distance = 0.5;
  let km: number | null = null;
  if (criteria.near) {
    km = distanceKm(criteria.near, offer.location);
    distance = Math.max(0, 1 - km / (criteria.maxDistanceKm ?? 300));
    why.push({ code: 'distance', km: Math.round(km) });
  }
  why.push(dayRate === null ? { code: 'no-tariff' } : { code: 'day-rate', dayRate });
  const score = WEIGHTS.fit * fit + WEIGHTS.vacancy * vacancy + WEIGHTS.distance * distance + WEIGHTS.price * priceScore(dayRate, range);
  return { offer, dayRate, score: Math.round(score * 1000) / 1000, distanceKm: km === null ? null : Math.round(km * 10) / 10, reasons: why.map(danishReason), why };
}

/** Best first; ties broken by more vacancy, then name, so the order is stable. */
export function rankOffers<O extends RankableOffer>(offers: PricedOffer<O>[], criteria: RankingCriteria): RankedOffer<O>[] {
  const rates = offers.map((o) => o.dayRate).filter((r): r is string => r !== null).map(Number);
  const range = rates.length ? { min: Math.min(...rates), max: Math.max(...rates) } : null;
  return offers.map((o) => rankOffer(o, criteria, range)).sort((a, b) =>
    b.score - a.score || b.offer.capacity.vacantPlaces - a.offer.capacity.vacantPlaces || a.offer.name.localeCompare(b.offer.name, 'da'));
}
