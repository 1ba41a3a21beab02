import { MUNICIPALITIES, findMunicipality } from './municipalities';
import { MUNICIPALITY_SEATS, PLACES, PLACES_SOURCE, placeOfPostalCode, placesInMunicipality, seatOfMunicipality } from './places';

/** Great-circle distance in km. */
function km(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const h = Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lon - a.lon) * rad) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

describe('places (municipality seats and towns with postal codes)', () => {
  it('names its source', () => {
    expect(PLACES_SOURCE).toMatch(/compiled by hand/);
  });

  it('has exactly one seat for every one of the 98 municipalities', () => {
    expect(MUNICIPALITY_SEATS).toHaveLength(98);
    for (const m of MUNICIPALITIES) expect(seatOfMunicipality(m.code)?.municipalityCode).toBe(m.code);
  });

  it('holds each postal code once, every town in a known municipality and inside Denmark', () => {
    const codes = PLACES.map((p) => p.postalCode);
    expect(new Set(codes).size).toBe(codes.length);
    for (const p of PLACES) {
      expect(findMunicipality(p.municipalityCode)).toBeDefined();
      expect(p.lat).toBeGreaterThan(54.5);
      expect(p.lat).toBeLessThan(57.8);
      expect(p.lon).toBeGreaterThan(8.0);
      expect(p.lon).toBeLessThan(15.2);
    }
  });

  // A typo in a coordinate or a town filed under the wrong municipality puts it far from its seat.
  it('keeps every town within 45 km of its municipality\'s seat (Bornholm and the islands included)', () => {
    const far = PLACES.map((p) => ({ p, d: km(p, seatOfMunicipality(p.municipalityCode)!) })).filter(({ d }) => d > 45);
    expect(far.map(({ p, d }) => `${p.postalCode} ${p.town}: ${d.toFixed(0)} km`)).toEqual([]);
  });

  it('finds a listed postal code exactly', () => {
    expect(placeOfPostalCode('8600')).toEqual({ place: expect.objectContaining({ town: 'Silkeborg', municipalityCode: '0740' }), exact: true });
    expect(placeOfPostalCode('6880')?.place.town).toBe('Tarm');
  });

  it('takes the numerically nearest listed postal code of the same area for one it does not list', () => {
    // 6893 (Hemmet) is not listed; the nearest listed 68xx is 6880 Tarm.
    expect(placeOfPostalCode('6893')).toEqual({ place: expect.objectContaining({ postalCode: '6880' }), exact: false });
    expect(placeOfPostalCode('1160')).toEqual({ place: expect.objectContaining({ postalCode: '1000' }), exact: false });
  });

  it('refuses what is not a Danish postal code', () => {
    for (const code of ['', '800', '08000', '0800', 'abcd', '3900', '3985', '8000 ', '١٢٣٤', '9991', '9999']) expect(placeOfPostalCode(code)).toBeUndefined();
  });

  it('lists a municipality\'s towns with its seat first', () => {
    const aarhus = placesInMunicipality('0751');
    expect(aarhus[0]).toMatchObject({ postalCode: '8000', town: 'Aarhus C' });
    expect(aarhus.length).toBeGreaterThan(5);
    expect(aarhus.every((p) => p.municipalityCode === '0751')).toBe(true);
  });
});
