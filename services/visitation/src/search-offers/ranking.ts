import type { OfferSnapshot } from '@tilbudsnet/contracts';

/** Where the officer searches from, and what fits the citizen beyond the hard filters. */
export interface RankingCriteria {
  near?: { lat: number; lon: number };
  maxDistanceKm?: number;
  targetGroups?: string[];
  specialisationLevel?: string;
}

export interface RankedOffer {
  offer: OfferSnapshot;
  /** 0..1, higher first. */
  score: number;
  distanceKm: number | null;
  /** Why it ranks where it does, in Danish, for the officer. */
  reasons: string[];
}

/** Great-circle distance in km (haversine). */
export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = (d: number) => (d * Math.PI) / 180;
  const h = Math.sin(rad(b.lat - a.lat) / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(rad(b.lon - a.lon) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Weights of fit, vacancy and distance (price joins when tariffs are published). */
const WEIGHTS = { fit: 0.4, vacancy: 0.35, distance: 0.25 };

export function rankOffer(offer: OfferSnapshot, criteria: RankingCriteria): RankedOffer {
  const reasons: string[] = [];
  const wanted = criteria.targetGroups ?? [];
  const served = wanted.filter((t) => offer.targetGroups.includes(t));
  let fit = wanted.length ? served.length / wanted.length : 1;
  if (wanted.length) reasons.push(`matcher ${served.length} af ${wanted.length} målgrupper`);
  if (criteria.specialisationLevel) {
    const same = offer.specialisationLevel === criteria.specialisationLevel;
    fit = (fit + (same ? 1 : 0)) / 2;
    reasons.push(same ? 'rette specialiseringsniveau' : `specialiseringsniveau ${offer.specialisationLevel}`);
  }
  const vacant = offer.status === 'active' ? offer.capacity.vacantPlaces : 0;
  const vacancy = Math.min(1, vacant / 3);
  reasons.push(vacant > 0 ? `${vacant} ledige pladser` : offer.status === 'active' ? 'ingen ledige pladser' : `tager ikke imod (${offer.status})`);
  let distance = 0.5;
  let km: number | null = null;
  if (criteria.near) {
    km = distanceKm(criteria.near, offer.location);
    distance = Math.max(0, 1 - km / (criteria.maxDistanceKm ?? 300));
    reasons.push(`${Math.round(km)} km væk`);
  }
  const score = WEIGHTS.fit * fit + WEIGHTS.vacancy * vacancy + WEIGHTS.distance * distance;
  return { offer, score: Math.round(score * 1000) / 1000, distanceKm: km === null ? null : Math.round(km * 10) / 10, reasons };
}

/** Best first; ties broken by more vacancy, then name, so the order is stable. */
export function rankOffers(offers: OfferSnapshot[], criteria: RankingCriteria): RankedOffer[] {
  return offers.map((o) => rankOffer(o, criteria)).sort((a, b) =>
    b.score - a.score || b.offer.capacity.vacantPlaces - a.offer.capacity.vacantPlaces || a.offer.name.localeCompare(b.offer.name, 'da'));
}
