import { MUNICIPALITIES, placesInMunicipality, regionOfMunicipality } from '@tilbudsnet/contracts';
import { DEMO_PRIVATE_OPERATOR, demoOfferRequests } from './demo-offers';

const offers = demoOfferRequests(320);
const RESIDENTIAL = ['107', '108'];
const DAY = ['103', '104'];

describe('the demo catalogue', () => {
  it('is the same on every start (seeded) and different for another seed', () => {
    expect(demoOfferRequests(320)).toEqual(offers);
    expect(demoOfferRequests(320, 7).map((o) => o.name)).not.toEqual(offers.map((o) => o.name));
  });

  it('is marked demo, every offer', () => {
    expect(offers.every((o) => o.demo === true)).toBe(true);
  });

  it('gives every municipality an offer, at a postal code and town of that municipality, near that town', () => {
    expect(new Set(offers.map((o) => o.municipalityCode))).toEqual(new Set(MUNICIPALITIES.map((m) => m.code)));
    for (const o of offers) {
      const town = placesInMunicipality(o.municipalityCode).find((p) => p.postalCode === o.address.postalCode);
      expect([o.name, town?.town]).toEqual([o.name, o.address.city]);
      expect(Math.abs(o.location.lat - town!.lat)).toBeLessThan(0.03);
      expect(Math.abs(o.location.lon - town!.lon)).toBeLessThan(0.05);
    }
  });

  it('never registers a day offer (§103/§104) at a residential paragraph (§107/§108), nor mixes children and adults', () => {
    for (const o of offers) {
      const paragraphs = o.paragraphs.map((p) => p.paragraph);
      const families = [RESIDENTIAL, DAY, ['66', '67'], ['101']].filter((family) => paragraphs.some((p) => family.includes(p)));
      expect([o.name, families.length]).toEqual([o.name, 1]);
    }
    expect(offers.filter((o) => /Værksted|Aktivitetscentret|Dagtilbuddet|Værestedet/.test(o.name)).every((o) => o.paragraphs.every((p) => DAY.includes(p.paragraph)))).toBe(true);
  });

  it('names offers in several patterns, each name once', () => {
    expect(new Set(offers.map((o) => o.name)).size).toBe(offers.length);
    const patterns = new Set(offers.map((o) => o.name.split(' ')[0]));
    expect(patterns.size).toBeGreaterThan(12);
  });

  it('has many private operators, none with more than a few offers', () => {
    const privateOffers = offers.filter((o) => o.operator.kind === 'private');
    const byOperator = new Map<string, number>();
    for (const o of privateOffers) byOperator.set(o.operator.id, (byOperator.get(o.operator.id) ?? 0) + 1);
    expect(byOperator.size).toBeGreaterThan(30);
    expect(Math.max(...byOperator.values())).toBeLessThanOrEqual(8);
    expect(byOperator.get(DEMO_PRIVATE_OPERATOR.id)).toBeGreaterThan(2);
    // The demo users' operators run offers: Aarhus Kommune and Region Midtjylland.
    expect(offers.some((o) => o.operator.kind === 'municipality' && o.operator.id === '0751')).toBe(true);
    expect(offers.some((o) => o.operator.kind === 'region' && o.operator.id === '1082')).toBe(true);
  });

  it('runs a municipal offer in its own municipality and a regional one in its own region', () => {
    for (const o of offers) {
      if (o.operator.kind === 'municipality') expect(o.operator.id).toBe(o.municipalityCode);
      if (o.operator.kind === 'region') expect(o.operator.id).toBe(regionOfMunicipality(o.municipalityCode));
    }
  });

  it('sizes offers as such offers are: children\'s homes small, workshops larger', () => {
    const places = (o: (typeof offers)[number]) => o.paragraphs.reduce((sum, p) => sum + p.approvedPlaces, 0);
    const children = offers.filter((o) => o.paragraphs.some((p) => p.paragraph === '66'));
    expect(Math.max(...children.map(places))).toBeLessThanOrEqual(12);
    expect(offers.every((o) => places(o) >= 2 && places(o) <= 45)).toBe(true);
  });

  it('scales to a national data set: 10,000 offers, each name once, every private operator with an 8-digit CVR', () => {
    const national = demoOfferRequests(10_000, 14);
    expect(new Set(national.map((o) => o.name)).size).toBe(10_000);
    const cvrs = national.filter((o) => o.operator.kind === 'private').map((o) => o.operator.id);
    expect(cvrs.length).toBeGreaterThan(1000);
    expect(cvrs.every((id) => /^\d{8}$/.test(id))).toBe(true);
  });
});
