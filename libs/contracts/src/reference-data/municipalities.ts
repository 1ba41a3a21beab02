import data from './municipalities.data.json';

/** Kommune: 4-digit code, e.g. `0101` København. */
export interface Municipality {
  code: string;
  name: string;
  regionCode: string;
}

/** Region: 4-digit code, `1081`..`1085`. */
export interface Region {
  code: string;
  name: string;
}

/** Where the list comes from (kept with the data, see municipalities.data.json `source`). */
export const MUNICIPALITIES_SOURCE: string = data.source;
export const REGIONS: readonly Region[] = data.regions;
export const MUNICIPALITIES: readonly Municipality[] = data.municipalities;

const byCode = new Map(MUNICIPALITIES.map((m) => [m.code, m]));
const regionByCode = new Map(REGIONS.map((r) => [r.code, r]));

export const MUNICIPALITY_CODES: readonly string[] = MUNICIPALITIES.map((m) => m.code);
export const REGION_CODES: readonly string[] = REGIONS.map((r) => r.code);

export function findMunicipality(code: string): Municipality | undefined {
  return byCode.get(code);
}

export function findRegion(code: string): Region | undefined {
  return regionByCode.get(code);
}

/** The region a municipality lies in; undefined for an unknown code. */
export function regionOfMunicipality(code: string): string | undefined {
  return byCode.get(code)?.regionCode;
}
