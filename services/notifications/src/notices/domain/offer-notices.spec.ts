import { loadExampleEvent, type EventOf } from '@tilbudsnet/contracts';
import { needsCitizensFrom, noticesOfOfferEvent } from './offer-notices';

const offer = { offerId: 'o1', name: 'Egebakken', regionCode: '1082', targetGroups: ['autism'], paragraphs: ['108'] };
const example = <T extends 'CapacityChanged' | 'OfferClosureAnnounced' | 'OfferAdjustmentAnnounced'>(type: T) => loadExampleEvent(type) as EventOf<T>;

function capacityChange(reason: EventOf<'CapacityChanged'>['payload']['reason'], vacantPlaces: number): EventOf<'CapacityChanged'> {
  const e = example('CapacityChanged');
  return { ...e, payload: { ...e.payload, reason, capacity: { ...e.payload.capacity, vacantPlaces } } };
}

describe('the notices an offer\'s events cause, and to whom', () => {
  it('tells subscribers of a vacancy that opened in an admitting offer, and nobody of the daily moves', () => {
    const opened = noticesOfOfferEvent(capacityChange('reservation-released', 1), { ...offer, vacantPlaces: 0, status: 'active' }, []);
    expect(opened.map((n) => n.kind)).toEqual(['vacancy-opened']);
    expect(noticesOfOfferEvent(capacityChange('place-reserved', 2), { ...offer, vacantPlaces: 3, status: 'active' }, ['0101'])).toEqual([]);
    expect(noticesOfOfferEvent(capacityChange('reservation-released', 1), { ...offer, vacantPlaces: 0, status: 'closed-to-admissions' }, [])).toEqual([]);
    expect(needsCitizensFrom(capacityChange('place-reserved', 2), { vacantPlaces: 3, status: 'active' })).toBe(false);
  });

  it('tells the municipalities with citizens there that approved places changed, when there are any', () => {
    const changed = noticesOfOfferEvent(capacityChange('approved-places-changed', 2), { ...offer, vacantPlaces: 2, status: 'active' }, ['0101', '0751']);
    expect(changed).toEqual([expect.objectContaining({ kind: 'capacity-changed', facts: expect.objectContaining({ concerns: expect.arrayContaining(['municipality:0101', 'municipality:0751']) }) })]);
    expect(noticesOfOfferEvent(capacityChange('approved-places-changed', 2), { ...offer, vacantPlaces: 2, status: 'active' }, [])).toEqual([]);
    expect(needsCitizensFrom(capacityChange('approved-places-changed', 2), { vacantPlaces: 2, status: 'active' })).toBe(true);
  });

  it('always tells the operator when its offer begins to hold more places than approved, once', () => {
    const over = (occupied: number, reserved: number) => {
      const e = example('CapacityChanged');
      return { ...e, payload: { ...e.payload, reason: 'placement-started' as const, capacity: { approvedPlaces: 1, occupiedPlaces: occupied, reservedPlaces: reserved, vacantPlaces: 0 } } };
    };
    const before = { ...offer, vacantPlaces: 0, status: 'active', operator: 'municipality:0751' };
    const [notice] = noticesOfOfferEvent(over(1, 1), { ...before, overCapacityBy: 0 }, []);
    expect(notice).toMatchObject({ kind: 'capacity-changed', mandatoryRecipients: ['operator:municipality:0751'], facts: { concerns: ['operator:municipality:0751'] } });
    expect(notice.body.da).toContain('1 mere end de 1 godkendte');
    expect(noticesOfOfferEvent(over(2, 1), { ...before, overCapacityBy: 1 }, [])).toEqual([]); // already over: told before
    expect(noticesOfOfferEvent(over(1, 0), { ...before, overCapacityBy: 0 }, [])).toEqual([]); // full, not over
  });

  it('always tells the region\'s secretariat and the municipalities with citizens there of a closure or reduction', () => {
    for (const event of [example('OfferClosureAnnounced'), example('OfferAdjustmentAnnounced')]) {
      const [notice] = noticesOfOfferEvent(event, { ...offer, vacantPlaces: 0, status: 'active' }, ['0101']);
      expect(notice).toMatchObject({ kind: 'closure-or-reduction', mandatoryRecipients: expect.arrayContaining(['municipality:0101', 'region:1082']) });
    }
  });
});
