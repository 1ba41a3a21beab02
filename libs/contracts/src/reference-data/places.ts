import data from './places.data.json';

/** A town with its postal code and approximate centre, in the municipality it lies in. */
export interface Place {
  municipalityCode: string;
  postalCode: string;
  town: string;
  lat: number;
  lon: number;
}

/** Where the places come from (kept with the data, see places.data.json `source`). */
export const PLACES_SOURCE: string = data.source;
/** The seat (rådhusby) of each of the 98 municipalities. */
export const MUNICIPALITY_SEATS: readonly Place[] = data.seats;
/** Seats and the other towns of the table, by postal code. */
export const PLACES: readonly Place[] = [...data.seats, ...data.towns].sort((a, b) => a.postalCode.localeCompare(b.postalCode));

export function seatOfMunicipality(code: string): Place | undefined {
  return MUNICIPALITY_SEATS.find((s) => s.municipalityCode === code);
}

/** Towns of a municipality (its seat first), for addresses that belong to it. */
export function placesInMunicipality(code: string): Place[] {
  const seat = seatOfMunicipality(code);
  return [...(seat ? [seat] : []), ...PLACES.filter((p) => p.municipalityCode === code && p !== seat)];
}

/**
 * The place a typed Danish postal code stands for: the town of that postal code when the table has it,
 * otherwise the listed town whose postal code is numerically nearest with the same first two digits
 * (or, when the table has none, the same first digit): Danish postal codes are handed out by area, so
 * 68xx lies around Varde and Skjern. `exact` tells which. Undefined for a code that is not a Danish
 * postal code (not 4 digits, below 1000, or 39xx, Greenland).
 */
export function placeOfPostalCode(postalCode: string): { place: Place; exact: boolean } | undefined {
  // Danish postal codes run from 1000 to 9990 (Skagen); 39xx are Greenland's.
  if (!/^[1-9]\d{3}$/.test(postalCode) || postalCode.startsWith('39') || Number(postalCode) > 9990) return undefined;
  const exact = PLACES.find((p) => p.postalCode === postalCode);
  if (exact) return { place: exact, exact: true };
  const wanted = Number(postalCode);
  const area = (digits: number) => PLACES.filter((p) => p.postalCode.slice(0, digits) === postalCode.slice(0, digits));
  const sameArea = area(2).length ? area(2) : area(1);
  const nearest = sameArea.reduce((best, p) => (Math.abs(Number(p.postalCode) - wanted) < Math.abs(Number(best.postalCode) - wanted) ? p : best));
  return { place: nearest, exact: false };
}
