import { applyEvents, periodAsOfferCounts, RuleViolation, type EventDraft, type NewEvent, type UnitPeriod } from '@tilbudsnet/contracts';

/*
 * Visitation's side of a booking of units (enkeltydelse): the officer asks for units of an offer in
 * a period for a case; offers answers. No citizen data here: the case holds that.
 */

export type BookingStatus = 'requested' | 'reserved' | 'rejected' | 'cancelled' | 'timed-out' | 'completed';

export interface BookingState {
  id: string;
  caseId: string;
  offerId: string;
  actingMunicipality: string;
  payingMunicipality: string;
  paragraph: string;
  targetGroup: string;
  period: string;
  units: number;
  deliveredUnits: number;
  status: BookingStatus;
  /** Why a booking was rejected, in offers' words. */
  reason: string | null;
  requestedAt: Date;
  /** Aggregate version of visitation's booking events. */
  version: number;
}

type BookingEventType = 'BookingRequested' | 'BookingCancelled';

export interface BookingDecision {
  state: BookingState;
  events: NewEvent<BookingEventType>[];
}

function evolve(state: BookingState, event: NewEvent<BookingEventType>): BookingState {
  if (event.type === 'BookingCancelled') {
    return { ...state, status: (event as NewEvent<'BookingCancelled'>).payload.reason === 'timed-out' ? 'timed-out' : 'cancelled' };
  }
  return { ...state, status: 'requested' };
}

const decide = (state: BookingState, drafts: EventDraft<BookingEventType>[]): BookingDecision => applyEvents(state, drafts, evolve);
const unchanged = (state: BookingState): BookingDecision => ({ state, events: [] });

/**
 * The legal basis and target group a booking is made under: the case's where the offer gives the
 * service under them, else the offer's own (a citizen placed under § 108 may be granted a § 85
 * service; the offer says under which paragraph it gives it).
 */
export function bookingBasis(needs: { paragraph: string; targetGroups: string[] }, offer: { paragraphs: string[]; targetGroups: string[] }): { paragraph: string; targetGroup: string } {
  return {
    paragraph: offer.paragraphs.includes(needs.paragraph) ? needs.paragraph : offer.paragraphs[0],
    targetGroup: needs.targetGroups.find((t) => offer.targetGroups.includes(t)) ?? needs.targetGroups[0],
  };
}

export type NewBooking = Omit<BookingState, 'status' | 'reason' | 'requestedAt' | 'version' | 'deliveredUnits'>;

/**
 * The officer asks for units. The period must be counted as the offer counts (week or month) and not
 * be over; whether there are units left is offers' to say.
 */
export function requestBooking(input: NewBooking, offerCounts: UnitPeriod, now: Date): BookingDecision {
  const bounds = periodAsOfferCounts(input.period, offerCounts);
  if (bounds.last < now.toISOString().slice(0, 10)) throw new RuleViolation('period', 'not-over', `${input.period} is over: book a period that has not ended`);
  const state: BookingState = { ...input, deliveredUnits: 0, status: 'requested', reason: null, requestedAt: now, version: 0 };
  return decide(state, [{
    type: 'BookingRequested', aggregateId: state.id,
    payload: {
      bookingId: state.id, offerId: state.offerId, paragraph: state.paragraph as never, targetGroup: state.targetGroup,
      actingMunicipality: state.actingMunicipality, payingMunicipality: state.payingMunicipality, period: state.period, units: state.units,
    },
  }]);
}

function cancelled(state: BookingState, reason: 'withdrawn' | 'timed-out'): EventDraft<'BookingCancelled'> {
  return { type: 'BookingCancelled', aggregateId: state.id, payload: { bookingId: state.id, offerId: state.offerId, reason } };
}

/**
 * Offers holds the units. A booking that ended first (withdrawn, timed out) stays ended: its
 * cancellation follows its request on the same partition, so offers frees the units itself.
 */
export function unitsReserved(state: BookingState): BookingDecision {
  return state.status === 'requested' ? unchanged({ ...state, status: 'reserved' }) : unchanged(state);
}

export function bookingRejected(state: BookingState, reason: string): BookingDecision {
  return state.status === 'requested' ? unchanged({ ...state, status: 'rejected', reason }) : unchanged(state);
}

/** Offers recorded units delivered (each delivery arrives once: the inbox drops redeliveries). */
export function unitsDelivered(state: BookingState, units: number): BookingDecision {
  return unchanged({ ...state, deliveredUnits: state.deliveredUnits + units });
}

export function bookingCompleted(state: BookingState, deliveredUnits: number): BookingDecision {
  return unchanged({ ...state, status: 'completed', deliveredUnits });
}

/** The officer withdraws a booking before anything is delivered. */
export function cancelBooking(state: BookingState): BookingDecision {
  if (state.status !== 'requested' && state.status !== 'reserved') {
    throw new RuleViolation('status', 'cancel-requested-or-reserved', `a booking that is ${state.status} cannot be cancelled`, 409);
  }
  if (state.deliveredUnits > 0) {
    throw new RuleViolation('status', 'nothing-delivered', `${state.deliveredUnits} units are delivered: the booking ends with its period and the delivered units are billed`, 409);
  }
  return decide(state, [cancelled(state, 'withdrawn')]);
}

/** A request offers has not answered in time ends; a late reservation is released on arrival. */
export function timeOutBooking(state: BookingState, now: Date, timeoutMs: number): BookingDecision {
  if (state.status !== 'requested' || now.getTime() - state.requestedAt.getTime() < timeoutMs) return unchanged(state);
  return decide(state, [cancelled(state, 'timed-out')]);
}
