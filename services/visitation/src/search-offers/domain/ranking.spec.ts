import { loadExampleEvent, type OfferSnapshot } from '@tilbudsnet/contracts';
import { distanceKm, rankOffers, type PricedOffer } from './ranking';

const base = loadExampleEvent('OfferRegistered').payload.offer;
function offer(name: string, changes: Partial<OfferSnapshot> & { vacant?: number; dayRate?: string }): PricedOffer {
  const vacant = changes.vacant ?? 2;
  const { dayRate = null, ...rest } = changes;
  return { dayRate, offer: { ...base, ...rest, name, capacity: { approvedPlaces: 10, occupiedPlaces: 10 - vacant, reservedPlaces: 0, vacantPlaces: vacant } } };
}
const AARHUS = { lat: 56.1629, lon: 10.2039 };
const AALBORG = { lat: 57.0488, lon: 9.9217 };
const KOEBENHAVN = { lat: 55.6761, lon: 12.5683 };

describe('ranking search results', () => {
  it('measures distance along the earth: Aarhus to Aalborg is about 100 km', () => {
    expect(distanceKm(AARHUS, AALBORG)).toBeGreaterThan(95);
    expect(distanceKm(AARHUS, AALBORG)).toBeLessThan(105);
  });

  it('puts a near offer with vacancy before a far one with the same fit', () => {
    const ranked = rankOffers([offer('Fjern', { location: KOEBENHAVN }), offer('Nær', { location: AALBORG })], { near: AARHUS, targetGroups: ['autism'] });
    expect(ranked.map((r) => r.offer.name)).toEqual(['Nær', 'Fjern']);
    expect(ranked[0].reasons).toEqual(['matcher 1 af 1 målgrupper', '2 ledige pladser', '100 km væk', 'ingen offentliggjort takst']);
    expect(ranked[0].why).toEqual([{ code: 'target-groups', served: 1, wanted: 1 }, { code: 'vacant-places', places: 2 }, { code: 'distance', km: 100 }, { code: 'no-tariff' }]);
  });

  it('puts an offer with vacancy before one without, and says why', () => {
    const ranked = rankOffers([offer('Fuld', { vacant: 0 }), offer('Ledig', { vacant: 3 })], {});
    expect(ranked.map((r) => r.offer.name)).toEqual(['Ledig', 'Fuld']);
    expect(ranked[1].reasons).toContain('ingen ledige pladser');
  });

  it('ranks by fit when vacancy and distance are equal', () => {
    const ranked = rankOffers([offer('Delvis', { targetGroups: ['autism'] }), offer('Hel', { targetGroups: ['autism', 'dual-diagnosis'] })],
      { targetGroups: ['autism', 'dual-diagnosis'] });
    expect(ranked.map((r) => [r.offer.name, r.reasons[0]])).toEqual([['Hel', 'matcher 2 af 2 målgrupper'], ['Delvis', 'matcher 1 af 2 målgrupper']]);
  });

  it('puts the cheaper of two otherwise equal offers first and shows its day rate', () => {
    const ranked = rankOffers([offer('Dyr', { dayRate: '2100.00' }), offer('Billig', { dayRate: '1441.96' })], {});
    expect(ranked.map((r) => r.offer.name)).toEqual(['Billig', 'Dyr']);
    expect(ranked[0].reasons).toContain('døgntakst 1.441,96 kr');
  });

  it('does not count vacancy in an offer that takes no admissions', () => {
    const [ranked] = rankOffers([offer('Lukker', { status: 'closure-announced', vacant: 5 })], {});
    expect(ranked.reasons).toContain('tager ikke imod (closure-announced)');
    expect(ranked.why).toContainEqual({ code: 'not-admitting', status: 'closure-announced' });
  });
});
