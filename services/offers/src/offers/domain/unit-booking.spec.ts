import { createEvent, RuleViolation, type EventOf } from '@tilbudsnet/contracts';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { changeUnitsPerPeriod, registerOffer, type OfferState } from './offer';
import { cancelBooking, completeEndedBooking, decideBookingRequest, recordDelivery, unitsTaken, type UnitBooking } from './unit-booking';

const NOW = new Date('2026-12-07T10:00:00Z');
const TODAY = '2026-12-07';
const cause = { correlationId: 'c', causationId: 'c' };

function sessionsOffer(unitsPerPeriod = 10, per: 'week' | 'month' = 'month'): OfferState {
  return registerOffer({
    id: randomUUID(), name: 'Autismeteamet', operator: { kind: 'municipality', id: '0751', name: 'Aarhus' },
    address: { street: 'Vej 1', postalCode: '8000', city: 'Aarhus' }, municipalityCode: '0751', location: { lat: 56, lon: 10 },
    paragraphs: [{ paragraph: '85', approvedPlaces: 0 }], targetGroups: ['autism'], specialisationLevel: 'specialised',
    frameworkAgreement: false, budgetedOccupancyPct: 90, demo: false, units: { kind: 'sessions', per, unitsPerPeriod },
  }, NOW).state;
}

function request(offerId: string, units: number, period = '2026-12', extra: Partial<EventOf<'BookingRequested'>['payload']> = {}): EventOf<'BookingRequested'> {
  const bookingId = randomUUID();
  return createEvent('visitation', {
    type: 'BookingRequested', aggregateId: bookingId, aggregateVersion: 1,
    payload: { bookingId, offerId, paragraph: '85', targetGroup: 'autism', actingMunicipality: '0751', payingMunicipality: '0751', period, units, ...extra },
  }, cause) as EventOf<'BookingRequested'>;
}

describe('a booking of units', () => {
  it('reserves units while the period has them, and says how many are left when it has not', () => {
    const o = sessionsOffer(10);
    const first = decideBookingRequest(null, o, [], request(o.id, 6), TODAY);
    expect(first.events).toEqual([expect.objectContaining({ type: 'UnitsReserved', aggregateVersion: 1, payload: expect.objectContaining({ units: 6 }) })]);
    const second = decideBookingRequest(null, o, [first.booking!], request(o.id, 5), TODAY);
    expect(second.events).toEqual([expect.objectContaining({ type: 'BookingRejected', payload: expect.objectContaining({ reason: 'no-units-left', message: 'only 4 of 10 units are left in 2026-12' }) })]);
    expect(decideBookingRequest(null, o, [first.booking!], request(o.id, 4), TODAY).booking?.status).toBe('reserved');
  });

  it.each([
    ['a period counted the other way', request('x', 1, '2026-W50'), 'wrong-period'],
    ['a period that is over', request('x', 1, '2026-11'), 'period-ended'],
    ['a paragraph the offer is not given under', request('x', 1, '2026-12', { paragraph: '108' }), 'paragraph-not-offered'],
    ['a target group it does not serve', request('x', 1, '2026-12', { targetGroup: 'homelessness' }), 'target-group-not-served'],
  ])('refuses %s', (_label, event, reason) => {
    const o = sessionsOffer(10);
    event.payload.offerId = o.id;
    expect(decideBookingRequest(null, o, [], event, TODAY).events[0]).toMatchObject({ type: 'BookingRejected', payload: { reason } });
  });

  it('refuses units of an offer with places, and of an offer not admitting', () => {
    const places = { ...sessionsOffer(), units: null };
    expect(decideBookingRequest(null, places, [], request(places.id, 1), TODAY).events[0].payload).toMatchObject({ reason: 'not-a-single-service' });
    const closed = { ...sessionsOffer(), status: 'closed-to-admissions' as const };
    expect(decideBookingRequest(null, closed, [], request(closed.id, 1), TODAY).events[0].payload).toMatchObject({ reason: 'not-admitting' });
  });

  it('answers a redelivered request once', () => {
    const o = sessionsOffer(10);
    const first = decideBookingRequest(null, o, [], request(o.id, 2), TODAY);
    expect(decideBookingRequest(first.booking, o, [first.booking!], request(o.id, 2), TODAY).events).toEqual([]);
  });

  it('never books more units than the period has, in any order of requests (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 30 }), fc.array(fc.integer({ min: 1, max: 12 }), { maxLength: 20 }), (capacity, asks) => {
      const o = sessionsOffer(capacity);
      const bookings: UnitBooking[] = [];
      for (const units of asks) {
        const d = decideBookingRequest(null, o, bookings, request(o.id, units), TODAY);
        bookings.push(d.booking!);
      }
      expect(unitsTaken(bookings)).toBeLessThanOrEqual(capacity);
    }));
  });
});

describe('delivered units', () => {
  const reserved = (units = 4): UnitBooking => {
    const o = sessionsOffer(10);
    return decideBookingRequest(null, o, [], request(o.id, units), TODAY).booking!;
  };

  it('are recorded within the period and complete the booking when all are delivered', () => {
    const b = reserved(4);
    const part = recordDelivery(b, { deliveryId: randomUUID(), deliveredOn: '2026-12-02', units: 3 }, TODAY);
    expect(part.events.map((e) => [e.type, e.aggregateVersion])).toEqual([['UnitsDelivered', 2]]);
    expect(part.booking).toMatchObject({ deliveredUnits: 3, status: 'reserved' });
    const rest = recordDelivery(part.booking!, { deliveryId: randomUUID(), deliveredOn: '2026-12-07', units: 1 }, TODAY);
    expect(rest.events.map((e) => e.type)).toEqual(['UnitsDelivered', 'BookingCompleted']);
    expect(rest.events[1].payload).toMatchObject({ deliveredUnits: 4, unusedUnits: 0 });
    expect(rest.booking?.status).toBe('completed');
  });

  it.each([
    ['more units than are left', { deliveredOn: '2026-12-02', units: 5 }, 'units', 'not-above-booked'],
    ['a day outside the booked period', { deliveredOn: '2026-11-30', units: 1 }, 'deliveredOn', 'within-booked-period'],
    ['a day in the future', { deliveredOn: '2026-12-08', units: 1 }, 'deliveredOn', 'not-in-future'],
  ])('refuse %s, naming the field and the rule', (_label, delivery, field, rule) => {
    expect(() => recordDelivery(reserved(4), { deliveryId: 'd', ...delivery }, TODAY)).toThrow(expect.objectContaining({ field, rule }) as RuleViolation);
  });

  it('end a booking whose period is over with the undelivered units unused; a booking with deliveries is not cancelled', () => {
    const b = recordDelivery(reserved(4), { deliveryId: 'd', deliveredOn: '2026-12-01', units: 1 }, TODAY).booking!;
    expect(completeEndedBooking(b, '2026-12-31').events).toEqual([]);
    const ended = completeEndedBooking(b, '2027-01-01');
    expect(ended.events[0]).toMatchObject({ type: 'BookingCompleted', payload: { deliveredUnits: 1, unusedUnits: 3 } });
    expect(unitsTaken([ended.booking!])).toBe(1);
    expect(cancelBooking(b)).toBeNull();
    expect(cancelBooking(reserved(2))).toMatchObject({ status: 'cancelled' });
  });
});

describe('an offer of units', () => {
  it('has no places, and names its travelling team\'s regions only for team visits', () => {
    expect(() => registerOffer({ ...sessionsOffer(), paragraphs: [{ paragraph: '85', approvedPlaces: 3 }] }, NOW)).toThrow(expect.objectContaining({ rule: 'no-places-for-single-service' }) as RuleViolation);
    expect(() => registerOffer({ ...sessionsOffer(), units: { kind: 'team-visit', per: 'month', unitsPerPeriod: 4 } }, NOW)).toThrow(expect.objectContaining({ rule: 'travel-regions-for-team-visits' }) as RuleViolation);
    const team = registerOffer({ ...sessionsOffer(), units: { kind: 'team-visit', per: 'month', unitsPerPeriod: 4, travelRegions: ['1083', '1082', '1083'] } }, NOW);
    expect(team.state.units?.travelRegions).toEqual(['1082', '1083']);
    expect(team.events[0].payload).toMatchObject({ offer: { units: { kind: 'team-visit', travelRegions: ['1082', '1083'] } } });
  });
});

describe('units per period', () => {
  it('go up or down, never below what a current or coming period has taken, and leave as OfferUpdated', () => {
    const o = sessionsOffer(10);
    const raised = changeUnitsPerPeriod(o, 14, 9);
    expect(raised.state.units).toEqual({ kind: 'sessions', per: 'month', unitsPerPeriod: 14 });
    expect(raised.events[0]).toMatchObject({ type: 'OfferUpdated', payload: { offer: { units: { unitsPerPeriod: 14 } } } });
    expect(changeUnitsPerPeriod(o, 9, 9).state.units?.unitsPerPeriod).toBe(9);
    expect(() => changeUnitsPerPeriod(o, 8, 9)).toThrow(expect.objectContaining({ field: 'unitsPerPeriod', rule: 'not-below-booked', status: 409 }) as RuleViolation);
    expect(() => changeUnitsPerPeriod({ ...o, units: null }, 8, 0)).toThrow(expect.objectContaining({ rule: 'single-service' }) as RuleViolation);
  });
});
