import { RuleViolation, findMunicipality, placeOfPostalCode, seatOfMunicipality } from '@tilbudsnet/contracts';

/** Where a search measures distance from, and what the officer is told it was. */
export interface SearchPoint {
  lat: number;
  lon: number;
  /** How the point was given. */
  kind: 'point' | 'municipality' | 'postal-code';
  /** The town measured from ("8600 Silkeborg"), when the point is a place. */
  place?: { postalCode: string; town: string; municipalityCode: string };
  /** False when a postal code the table does not list was measured from the nearest listed one. */
  exact: boolean;
}

export interface PointCriteria {
  lat?: number;
  lon?: number;
  fromMunicipality?: string;
  fromPostalCode?: string;
}

/**
 * The point a search measures from: coordinates, a municipality (its seat, the rådhusby) or a typed postal
 * code (its town). One way at a time; a postal code that is not Danish is refused naming the field.
 */
export function searchPointOf(criteria: PointCriteria): SearchPoint | undefined {
  const given = [criteria.lat !== undefined || criteria.lon !== undefined, criteria.fromMunicipality !== undefined, criteria.fromPostalCode !== undefined].filter(Boolean).length;
  if (given > 1) throw new RuleViolation(criteria.fromPostalCode !== undefined ? 'fromPostalCode' : 'fromMunicipality', 'one-search-point', 'search from one point: lat/lon, fromMunicipality or fromPostalCode', 400);
  if (criteria.lat !== undefined && criteria.lon !== undefined) return { lat: criteria.lat, lon: criteria.lon, kind: 'point', exact: true };
  if (criteria.fromMunicipality !== undefined) {
    const seat = seatOfMunicipality(criteria.fromMunicipality);
    if (!seat || !findMunicipality(criteria.fromMunicipality)) throw new RuleViolation('fromMunicipality', 'municipality-known', `${criteria.fromMunicipality} is not one of the 98 municipality codes`, 400);
    return { lat: seat.lat, lon: seat.lon, kind: 'municipality', place: { postalCode: seat.postalCode, town: seat.town, municipalityCode: seat.municipalityCode }, exact: true };
  }
  if (criteria.fromPostalCode !== undefined) {
    const found = placeOfPostalCode(criteria.fromPostalCode);
    if (!found) throw new RuleViolation('fromPostalCode', 'postal-code-known', `${criteria.fromPostalCode} is not a Danish postal code (4 digits, 1000-9990, not Greenland's 39xx)`, 400);
    const { place, exact } = found;
    return { lat: place.lat, lon: place.lon, kind: 'postal-code', place: { postalCode: place.postalCode, town: place.town, municipalityCode: place.municipalityCode }, exact };
  }
  return undefined;
}
