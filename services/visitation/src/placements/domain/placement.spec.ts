import {
  cancelRequest, changePackage, confirmPlacement, evolvePlacement, mustBeOnTariff, endPlacement, giveNotice, placeReserved, requestPlacement, reservationExpired, reservationRejected, timeOut,
  type PlacementState,
} from './placement';

const NOW = new Date('2026-11-23T10:00:00Z');
/** Until when offers holds a place in these tests: after NOW. */
const HOLD_UNTIL = new Date('2026-11-26T10:00:00Z');

function requested(): PlacementState {
  return requestPlacement({
    id: '7a2b3c4d-1111-4222-8333-444455556666', caseId: 'c1', offerId: '0e1d7c52-3a4b-4c1e-9d7f-3f2b1a6c8e11', actingMunicipality: '0101',
    payingMunicipality: '0147', paragraph: '108', targetGroup: 'autism', startDate: '2026-12-01', packageCode: 'base',
  }, NOW).state;
}

describe('the placement saga', () => {
  it('asks offers for a place with no personal data in the request', () => {
    const { events } = requestPlacement({ ...requested() }, NOW);
    expect(events).toEqual([expect.objectContaining({ type: 'PlacementRequested' })]);
    expect(Object.keys(events[0].payload).sort()).toEqual(['actingMunicipality', 'offerId', 'paragraph', 'payingMunicipality', 'placementId', 'startDate', 'targetGroup']);
  });

  it('goes reserved -> started with a review date, naming acting and paying municipality', () => {
    const reserved = placeReserved(requested(), new Date('2026-11-25T10:00:00Z')).state;
    const { state, events } = confirmPlacement(reserved, 6, NOW);
    expect(state).toMatchObject({ status: 'started', reviewDate: '2027-06-01' });
    expect(events[0]).toMatchObject({ type: 'PlacementStarted', payload: { actingMunicipality: '0101', payingMunicipality: '0147', packageCode: 'base' } });
  });

  it('ends a rejected request with the reason shown', () => {
    expect(reservationRejected(requested(), 'the offer has no vacant place').state).toMatchObject({ status: 'rejected', reason: expect.stringContaining('no vacant place') });
  });

  it('ends an expired reservation, and it can no longer be confirmed', () => {
    const expired = reservationExpired(placeReserved(requested(), NOW).state).state;
    expect(expired.status).toBe('expired');
    expect(() => confirmPlacement(expired, 6, NOW)).toThrow(expect.objectContaining({ rule: 'placement-status', status: 409 }));
  });

  it('refuses to confirm a reservation whose hold has run out, though offers has not said so yet: the place may be gone', () => {
    const reserved = placeReserved(requested(), HOLD_UNTIL).state;
    expect(() => confirmPlacement(reserved, 6, HOLD_UNTIL)).toThrow(expect.objectContaining({ field: 'status', rule: 'reservation-expired', status: 409 }));
    expect(() => confirmPlacement(reserved, 6, new Date(HOLD_UNTIL.getTime() + 60_000))).toThrow(expect.objectContaining({ rule: 'reservation-expired' }));
    expect(confirmPlacement(reserved, 6, new Date(HOLD_UNTIL.getTime() - 1)).state.status).toBe('started');
  });

  it('times out an unanswered request and releases a hold that arrives after it', () => {
    const waiting = requested();
    expect(timeOut(waiting, new Date(NOW.getTime() + 59_000), 60_000).events).toEqual([]);
    const timedOut = timeOut(waiting, new Date(NOW.getTime() + 60_000), 60_000);
    expect(timedOut.state.status).toBe('timed-out');
    expect(timedOut.events).toEqual([expect.objectContaining({ type: 'PlacementCancelled', payload: expect.objectContaining({ reason: 'timed-out' }) })]);
    const late = placeReserved(timedOut.state, NOW);
    expect(late.state.status).toBe('timed-out');
    expect(late.events).toEqual([expect.objectContaining({ type: 'PlacementCancelled' })]);
  });

  it('lets the officer withdraw a reserved request, releasing the place', () => {
    const { state, events } = cancelRequest(placeReserved(requested(), NOW).state);
    expect(state.status).toBe('cancelled');
    expect(events[0]).toMatchObject({ type: 'PlacementCancelled', payload: { reason: 'withdrawn' } });
  });

  it('computes the end date of a notice by the rule, then ends the placement', () => {
    const started = confirmPlacement(placeReserved(requested(), HOLD_UNTIL).state, 6, NOW).state;
    const noticed = giveNotice(started, '2027-01-31', { noticeMonths: 1, toEndOfMonth: true });
    expect(noticed.state).toMatchObject({ status: 'notice-given', endDate: '2027-02-28' });
    expect(endPlacement(noticed.state, '2027-02-28').events[0]).toMatchObject({ type: 'PlacementEnded', payload: { endDate: '2027-02-28' } });
  });

  it('gives each event of a placement the next aggregate version', () => {
    const first = requestPlacement({ ...requested() }, NOW);
    const reserved = placeReserved(first.state, HOLD_UNTIL).state;
    const started = confirmPlacement(reserved, 6, NOW);
    const ended = endPlacement(started.state, '2027-01-01');
    expect([first.events[0].aggregateVersion, started.events[0].aggregateVersion, ended.events[0].aggregateVersion]).toEqual([1, 2, 3]);
  });

  it('ends where its events say: replaying each decision\'s events through evolve gives its state', () => {
    const steps: [PlacementState, (s: PlacementState) => { state: PlacementState; events: { aggregateVersion: number }[] }][] = [];
    const first = requestPlacement({ ...requested() }, NOW);
    const reserved = placeReserved(first.state, HOLD_UNTIL).state;
    steps.push([reserved, (p) => confirmPlacement(p, 6, NOW)]);
    const started = confirmPlacement(reserved, 6, NOW).state;
    steps.push([started, (p) => changePackage(p, 'high', '2027-01-01')]);
    steps.push([started, (p) => giveNotice(p, '2027-01-15', { noticeMonths: 1, toEndOfMonth: true })]);
    steps.push([started, (p) => endPlacement(p, '2027-02-01')]);
    steps.push([requested(), (p) => cancelRequest(p)]);
    steps.push([requested(), (p) => timeOut(p, new Date(NOW.getTime() + 3_600_000), 1000)]);
    for (const [before, act] of steps) {
      const decision = act(before);
      const replayed = (decision.events as Parameters<typeof evolvePlacement>[1][]).reduce((s, e) => ({ ...evolvePlacement(s, e), version: e.aggregateVersion }), before);
      expect(replayed).toEqual(decision.state);
      expect(decision.events.map((e) => e.aggregateVersion)).toEqual(decision.events.map((_, i) => before.version + 1 + i));
    }
  });
});

describe('packages on the tariff in force', () => {
  it('refuses a package the offer\'s tariff for that year does not have, naming the field', () => {
    expect(() => mustBeOnTariff('p2800', { base: '1441.96', high: '1891.96' }, '2027')).toThrow(expect.objectContaining({ field: 'packageCode', rule: 'package-on-tariff', status: 422 }));
  });

  it('accepts base always, a package the tariff has, and any package while no tariff for the year is published', () => {
    expect(() => mustBeOnTariff('base', { base: '1' }, '2027')).not.toThrow();
    expect(() => mustBeOnTariff('high', { base: '1', high: '2' }, '2027')).not.toThrow();
    expect(() => mustBeOnTariff('p2800', null, '2027')).not.toThrow();
  });
});
