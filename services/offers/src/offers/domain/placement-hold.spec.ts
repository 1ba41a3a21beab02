import { createEvent, loadExampleEvent, RuleViolation } from '@tilbudsnet/contracts';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { capacityOf, changeApprovedPlaces, registerOffer, type OfferState } from './offer';
import { decidePlacementEvent, expireHold, type PlacementEvent, type PlacementHold } from './placement-hold';

const NOW = new Date('2026-11-23T10:00:00Z');
const cause = { correlationId: 'c', causationId: 'c' };

function offer(places = 2): OfferState {
  return registerOffer({
    id: randomUUID(), name: 'Egebakken', operator: { kind: 'municipality', id: '0751', name: 'Aarhus' },
    address: { street: 'Vej 1', postalCode: '8000', city: 'Aarhus' }, municipalityCode: '0751', location: { lat: 56, lon: 10 },
    paragraphs: [{ paragraph: '108', approvedPlaces: places }], targetGroups: ['autism'], specialisationLevel: 'specialised',
    frameworkAgreement: true, budgetedOccupancyPct: 95, demo: false,
  }, NOW).state;
}

/** A placement event from visitation, made at `at` (NOW unless given). */
function event<T extends PlacementEvent['type']>(type: T, placementId: string, offerId: string, at = NOW): PlacementEvent {
  const example = loadExampleEvent(type);
  return createEvent('visitation', { type, aggregateId: placementId, aggregateVersion: 1, payload: { ...(example as { payload: object }).payload, placementId, offerId } as never }, cause, at) as PlacementEvent;
}

describe('a placement request', () => {
  it('reserves a vacant place with an expiry', () => {
    const o = offer(2);
    const d = decidePlacementEvent(null, o, event('PlacementRequested', 'p1', o.id), NOW, 48);
    expect(d.hold).toMatchObject({ status: 'reserved', expiresAt: new Date('2026-11-25T10:00:00Z') });
    expect(capacityOf(d.offer!)).toEqual({ approvedPlaces: 2, occupiedPlaces: 0, reservedPlaces: 1, vacantPlaces: 1 });
    expect(d.events.map((e) => e.type)).toEqual(['PlaceReserved', 'CapacityChanged']);
  });

  it('rejects the request for the last place once it is reserved', () => {
    const o = { ...offer(1), reservedPlaces: 1 };
    const d = decidePlacementEvent(null, o, event('PlacementRequested', 'p2', o.id), NOW, 48);
    expect(d.events).toEqual([expect.objectContaining({ type: 'ReservationRejected', payload: expect.objectContaining({ reason: 'no-vacancy' }) })]);
    expect(d.offer).toBeNull();
  });

  it.each([
    ['an offer closed to admissions', (o: OfferState) => ({ ...o, status: 'closure-announced' as const }), 'not-admitting'],
    ['another paragraph', (o: OfferState) => ({ ...o, paragraphs: [{ paragraph: '107' as const, approvedPlaces: 3 }] }), 'paragraph-not-offered'],
    ['another target group', (o: OfferState) => ({ ...o, targetGroups: ['homelessness'] }), 'target-group-not-served'],
  ])('rejects a request to %s', (_label, change, reason) => {
    const o = change(offer(3));
    const d = decidePlacementEvent(null, o, event('PlacementRequested', 'p3', o.id), NOW, 48);
    expect(d.events[0]).toMatchObject({ type: 'ReservationRejected', payload: { reason } });
  });

  it('turns the reservation into occupancy when the placement starts, and frees it when it ends', () => {
    const o = offer(2);
    const reserved = decidePlacementEvent(null, o, event('PlacementRequested', 'p4', o.id), NOW, 48);
    const started = decidePlacementEvent(reserved.hold, reserved.offer, event('PlacementStarted', 'p4', o.id), NOW, 48);
    expect(capacityOf(started.offer!)).toMatchObject({ occupiedPlaces: 1, reservedPlaces: 0, vacantPlaces: 1 });
    const ended = decidePlacementEvent(started.hold, started.offer, event('PlacementEnded', 'p4', o.id), NOW, 48);
    expect(capacityOf(ended.offer!)).toMatchObject({ occupiedPlaces: 0, vacantPlaces: 2 });
  });

  it('does not let a start without a held place take a place that is not vacant', () => {
    const o = { ...offer(1), occupiedPlaces: 1 };
    expect(decidePlacementEvent(null, o, event('PlacementStarted', 'p6', o.id), NOW, 48)).toEqual({ hold: null, offer: null, events: [] });
  });

  describe('a start that crossed its hold\'s expiry (confirmed in time, arrived after offers released the place)', () => {
    const DEADLINE = new Date('2026-11-25T10:00:00Z');
    /** p7 reserved the only place, its hold expired, and p8 reserved the released place. */
    function crossed() {
      const o = offer(1);
      const reserved = decidePlacementEvent(null, o, event('PlacementRequested', 'p7', o.id), NOW, 48);
      const expired = expireHold(reserved.hold!, reserved.offer!, new Date(DEADLINE.getTime() + 60_000));
      const other = decidePlacementEvent(null, expired.offer!, event('PlacementRequested', 'p8', o.id), DEADLINE, 48);
      expect(capacityOf(other.offer!)).toMatchObject({ reservedPlaces: 1, vacantPlaces: 0 });
      return { o, hold: expired.hold!, offer: other.offer! };
    }

    it('occupies a place though none is vacant, when visitation confirmed it before the deadline', () => {
      const { o, hold, offer: full } = crossed();
      const d = decidePlacementEvent(hold, full, event('PlacementStarted', 'p7', o.id, new Date(DEADLINE.getTime() - 1)), DEADLINE, 48);
      expect(d.hold).toMatchObject({ status: 'started' });
      expect(capacityOf(d.offer!)).toEqual({ approvedPlaces: 1, occupiedPlaces: 1, reservedPlaces: 1, vacantPlaces: 0 });
      expect(d.events).toEqual([expect.objectContaining({ type: 'CapacityChanged', payload: expect.objectContaining({ reason: 'placement-started' }) })]);
    });

    it('takes no place that is not vacant, when it was confirmed at or after the deadline', () => {
      const { o, hold, offer: full } = crossed();
      for (const at of [DEADLINE, new Date(DEADLINE.getTime() + 1)]) {
        expect(decidePlacementEvent(hold, full, event('PlacementStarted', 'p7', o.id, at), DEADLINE, 48)).toEqual({ hold: null, offer: null, events: [] });
      }
    });
  });

  it('releases the place when the hold expires, and says so', () => {
    const o = offer(1);
    const reserved = decidePlacementEvent(null, o, event('PlacementRequested', 'p5', o.id), NOW, 48);
    expect(expireHold(reserved.hold!, reserved.offer!, new Date('2026-11-25T09:59:59Z')).events).toEqual([]);
    const expired = expireHold(reserved.hold!, reserved.offer!, new Date('2026-11-25T10:00:01Z'));
    expect(expired.events.map((e) => e.type)).toEqual(['ReservationExpired', 'CapacityChanged']);
    expect(capacityOf(expired.offer!).vacantPlaces).toBe(1);
  });
});

describe('capacity under any sequence of placements and capacity changes (property)', () => {
  type Step =
    | { kind: 'request' | 'start' | 'cancel' | 'end'; placement: number; hours: number }
    | { kind: 'capacity'; places: number }
    | { kind: 'expire'; hours: number };
  const step: fc.Arbitrary<Step> = fc.oneof(
    // hours: when visitation made the event, after NOW (holds run out 48 hours after NOW)
    fc.record({ kind: fc.constantFrom('request' as const, 'start' as const, 'cancel' as const, 'end' as const), placement: fc.integer({ min: 0, max: 30 }), hours: fc.integer({ min: 0, max: 96 }) }),
    fc.record({ kind: fc.constant('capacity' as const), places: fc.integer({ min: 0, max: 12 }) }),
    fc.record({ kind: fc.constant('expire' as const), hours: fc.integer({ min: 0, max: 96 }) }),
  );

  it('keeps vacant = approved - occupied - reserved, never reserves past capacity, and overbooks only for starts confirmed in time', () => {
    fc.assert(fc.property(fc.array(step, { minLength: 1, maxLength: 1000 }), (steps) => {
      let state = offer(4);
      const holds = new Map<string, PlacementHold>();
      const ids = Array.from({ length: 31 }, () => randomUUID());
      let lateStarts = 0;
      for (const s of steps) {
        if (s.kind === 'capacity') {
          try {
            state = changeApprovedPlaces(state, { approvedPlaces: s.places }).state;
          } catch (e) {
            if (!(e instanceof RuleViolation)) throw e;
          }
        } else if (s.kind === 'expire') {
          for (const hold of [...holds.values()]) {
            const d = expireHold(hold, state, new Date(NOW.getTime() + s.hours * 3600_000));
            if (d.hold) holds.set(hold.placementId, d.hold);
            if (d.offer) state = d.offer;
          }
        } else {
          const id = ids[s.placement];
          const hold = holds.get(id) ?? null;
          const type = { request: 'PlacementRequested', start: 'PlacementStarted', cancel: 'PlacementCancelled', end: 'PlacementEnded' }[s.kind] as PlacementEvent['type'];
          const vacantBefore = capacityOf(state).vacantPlaces;
          const d = decidePlacementEvent(hold, state, event(type, id, state.id, new Date(NOW.getTime() + s.hours * 3600_000)), NOW, 48);
          if (d.hold?.status === 'reserved') expect(vacantBefore).toBeGreaterThan(0);
          if (d.hold?.status === 'started' && hold?.status === 'expired' && s.hours < 48) lateStarts++;
          if (d.hold) holds.set(id, d.hold);
          if (d.offer) state = d.offer;
        }
        const c = capacityOf(state);
        expect(c.vacantPlaces).toBe(Math.max(0, c.approvedPlaces - c.occupiedPlaces - c.reservedPlaces));
        expect(c.occupiedPlaces + c.reservedPlaces - c.approvedPlaces).toBeLessThanOrEqual(lateStarts);
        expect(c.occupiedPlaces).toBe([...holds.values()].filter((h) => h.status === 'started').length);
        expect(c.reservedPlaces).toBe([...holds.values()].filter((h) => h.status === 'reserved').length);
      }
    }), { numRuns: 200 });
  });
});
