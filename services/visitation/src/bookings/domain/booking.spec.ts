import { RuleViolation } from '@tilbudsnet/contracts';
import { bookingBasis, bookingCompleted, bookingRejected, cancelBooking, requestBooking, timeOutBooking, unitsDelivered, unitsReserved, type NewBooking } from './booking';

const NOW = new Date('2026-12-07T10:00:00Z');
const input: NewBooking = {
  id: 'b1', caseId: 'c1', offerId: 'o1', actingMunicipality: '0101', payingMunicipality: '0147', paragraph: '85', targetGroup: 'autism', period: '2026-12', units: 4,
};

describe('a booking of units, as visitation keeps it', () => {
  it('asks offers with BookingRequested, carrying no citizen data', () => {
    const d = requestBooking(input, 'month', NOW);
    expect(d.state).toMatchObject({ status: 'requested', deliveredUnits: 0, version: 1 });
    expect(d.events).toEqual([expect.objectContaining({ type: 'BookingRequested', aggregateId: 'b1', aggregateVersion: 1 })]);
    expect(Object.keys(d.events[0].payload).sort()).toEqual(['actingMunicipality', 'bookingId', 'offerId', 'paragraph', 'payingMunicipality', 'period', 'targetGroup', 'units']);
  });

  it('refuses a period the offer does not count in, and one that is over, naming the field and rule', () => {
    expect(() => requestBooking(input, 'week', NOW)).toThrow(expect.objectContaining({ field: 'period', rule: 'period-as-offer-counts', status: 400 }) as RuleViolation);
    expect(() => requestBooking({ ...input, period: '2026-11' }, 'month', NOW)).toThrow(expect.objectContaining({ field: 'period', rule: 'not-over' }) as RuleViolation);
    expect(requestBooking({ ...input, period: '2026-W50' }, 'week', NOW).state.status).toBe('requested');
  });

  it('moves on with offers\' answers, and an ended booking stays ended when a late reservation arrives', () => {
    const requested = requestBooking(input, 'month', NOW).state;
    const reserved = unitsReserved(requested).state;
    expect(reserved.status).toBe('reserved');
    expect(bookingRejected(requested, 'only 2 of 10 units are left').state).toMatchObject({ status: 'rejected', reason: 'only 2 of 10 units are left' });
    const delivered = unitsDelivered(unitsDelivered(reserved, 1).state, 2).state;
    expect(delivered.deliveredUnits).toBe(3);
    expect(bookingCompleted(delivered, 3).state.status).toBe('completed');
    const timedOut = timeOutBooking(requested, new Date(NOW.getTime() + 16 * 60_000), 15 * 60_000);
    expect(timedOut.events[0]).toMatchObject({ type: 'BookingCancelled', aggregateVersion: 2, payload: { reason: 'timed-out' } });
    expect(unitsReserved(timedOut.state)).toEqual({ state: timedOut.state, events: [] });
  });

  it('is withdrawn only before anything is delivered, and waits out its time before timing out', () => {
    const reserved = unitsReserved(requestBooking(input, 'month', NOW).state).state;
    expect(cancelBooking(reserved).events[0]).toMatchObject({ type: 'BookingCancelled', payload: { reason: 'withdrawn' } });
    expect(() => cancelBooking(unitsDelivered(reserved, 1).state)).toThrow(expect.objectContaining({ rule: 'nothing-delivered', status: 409 }) as RuleViolation);
    expect(() => cancelBooking(bookingCompleted(reserved, 4).state)).toThrow(expect.objectContaining({ rule: 'cancel-requested-or-reserved' }) as RuleViolation);
    expect(timeOutBooking(requestBooking(input, 'month', NOW).state, new Date(NOW.getTime() + 60_000), 15 * 60_000).events).toEqual([]);
  });
});

describe('the basis of a booking', () => {
  it("is the case's paragraph and target group where the offer gives the service under them, else the offer's", () => {
    const offer = { paragraphs: ['85', '102'], targetGroups: ['autism', 'acquired-brain-injury'] };
    expect(bookingBasis({ paragraph: '102', targetGroups: ['psychiatric-illness', 'autism'] }, offer)).toEqual({ paragraph: '102', targetGroup: 'autism' });
    expect(bookingBasis({ paragraph: '108', targetGroups: ['autism'] }, offer)).toEqual({ paragraph: '85', targetGroup: 'autism' });
  });
});
