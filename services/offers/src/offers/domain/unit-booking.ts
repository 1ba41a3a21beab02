import {
  applyEvents, periodBounds, periodKind, RuleViolation, type BookingRejectionReason, type EventDraft, type EventOf, type NewEvent,
} from '@tilbudsnet/contracts';
import type { OfferState } from './offer';

/** What offers keeps of one booking of units (enkeltydelse): how many, in which period, how many delivered. */
export interface UnitBooking {
  bookingId: string;
  offerId: string;
  period: string;
  units: number;
  deliveredUnits: number;
  payingMunicipality: string;
  actingMunicipality: string;
  /** Units held while `reserved`; a `completed` booking holds what was delivered; rejected and cancelled hold nothing. */
  status: 'reserved' | 'rejected' | 'cancelled' | 'completed';
  /** Aggregate version of the booking's answers (`offers.reservation`, keyed by booking id). */
  version: number;
}

type AnswerType = 'UnitsReserved' | 'BookingRejected' | 'UnitsDelivered' | 'BookingCompleted';

export interface BookingDecision {
  booking: UnitBooking | null;
  events: NewEvent<AnswerType>[];
}

const NOTHING: BookingDecision = { booking: null, events: [] };

/** Evolve: a booking after one of offers' answers. */
export function evolveBooking(b: UnitBooking, event: NewEvent<AnswerType>): UnitBooking {
  switch (event.type) {
    case 'UnitsReserved':
      return { ...b, status: 'reserved' };
    case 'BookingRejected':
      return { ...b, status: 'rejected' };
    case 'UnitsDelivered':
      return { ...b, deliveredUnits: b.deliveredUnits + (event as NewEvent<'UnitsDelivered'>).payload.units };
    case 'BookingCompleted':
      return { ...b, status: 'completed' };
    default: {
      const never: never = event.type;
      throw new Error(`a booking does not evolve by ${String(never)}`);
    }
  }
}

function decideBooking(b: UnitBooking, drafts: EventDraft<AnswerType>[]): BookingDecision {
  const { state, events } = applyEvents(b, drafts, evolveBooking);
  return { booking: state, events };
}

/** Units an offer has taken in a period: held by reserved bookings, delivered by completed ones. */
export function unitsTaken(bookings: readonly Pick<UnitBooking, 'status' | 'units' | 'deliveredUnits'>[]): number {
  return bookings.reduce((sum, b) => sum + (b.status === 'reserved' ? b.units : b.status === 'completed' ? b.deliveredUnits : 0), 0);
}

function rejection(offer: OfferState | null, request: EventOf<'BookingRequested'>['payload'], taken: number, today: string): { reason: BookingRejectionReason; message: string } | null {
  if (!offer) return { reason: 'unknown-offer', message: 'the offer is not in the registry' };
  if (!offer.units) return { reason: 'not-a-single-service', message: 'the offer has places, not units: request a placement' };
  if (offer.status !== 'active') return { reason: 'not-admitting', message: `the offer takes no bookings (status ${offer.status})` };
  if (!offer.paragraphs.some((p) => p.paragraph === request.paragraph)) return { reason: 'paragraph-not-offered', message: `the offer is not given under SEL §${request.paragraph}` };
  if (!offer.targetGroups.includes(request.targetGroup)) return { reason: 'target-group-not-served', message: `the offer does not serve target group ${request.targetGroup}` };
  const bounds = periodBounds(request.period);
  if (!bounds || periodKind(request.period) !== offer.units.per) {
    return { reason: 'wrong-period', message: `the offer counts its units per ${offer.units.per}: ${request.period} is not such a period` };
  }
  if (bounds.last < today) return { reason: 'period-ended', message: `${request.period} is over` };
  const left = offer.units.unitsPerPeriod - taken;
  if (request.units > left) return { reason: 'no-units-left', message: `only ${Math.max(0, left)} of ${offer.units.unitsPerPeriod} units are left in ${request.period}` };
  return null;
}

/**
 * Offers' answer to a booking request. Offers is the authority on units: the caller holds the
 * offer's row lock and passes the bookings of the period, so two requests for the last units
 * cannot both see them free (no overbooking, however many instances).
 */
export function decideBookingRequest(
  existing: UnitBooking | null, offer: OfferState | null, periodBookings: readonly UnitBooking[], event: EventOf<'BookingRequested'>, today: string,
): BookingDecision {
  if (existing) return NOTHING; // already answered
  const p = event.payload;
  const blank: UnitBooking = {
    bookingId: p.bookingId, offerId: p.offerId, period: p.period, units: p.units, deliveredUnits: 0,
    payingMunicipality: p.payingMunicipality, actingMunicipality: p.actingMunicipality, status: 'rejected', version: 0,
  };
  const refused = rejection(offer, p, unitsTaken(periodBookings), today);
  if (refused) return decideBooking(blank, [{ type: 'BookingRejected', aggregateId: p.bookingId, payload: { bookingId: p.bookingId, offerId: p.offerId, ...refused } }]);
  return decideBooking(blank, [{ type: 'UnitsReserved', aggregateId: p.bookingId, payload: { bookingId: p.bookingId, offerId: p.offerId, period: p.period, units: p.units } }]);
}

/** The officer withdrew the booking (or it timed out): a reservation without deliveries holds nothing any more. */
export function cancelBooking(existing: UnitBooking | null): UnitBooking | null {
  if (!existing || existing.status !== 'reserved') return null;
  // Delivered units are billed whatever happens: a booking with deliveries ends as completed.
  return existing.deliveredUnits > 0 ? null : { ...existing, status: 'cancelled' };
}

/**
 * The operator records units delivered on a day. Only within the booking's period, never more than
 * booked, never in the future; the booking completes when every unit is delivered.
 */
export function recordDelivery(booking: UnitBooking, delivery: { deliveryId: string; deliveredOn: string; units: number }, today: string): BookingDecision {
  if (booking.status !== 'reserved') {
    throw new RuleViolation('bookingId', 'booking-reserved', `the booking is ${booking.status}: only a reserved booking takes deliveries`, 409);
  }
  const bounds = periodBounds(booking.period)!;
  if (delivery.deliveredOn < bounds.first || delivery.deliveredOn > bounds.last) {
    throw new RuleViolation('deliveredOn', 'within-booked-period', `deliveredOn must be within the booked period ${booking.period} (${bounds.first} to ${bounds.last})`);
  }
  if (delivery.deliveredOn > today) throw new RuleViolation('deliveredOn', 'not-in-future', 'deliveredOn is the day the units were delivered: not in the future');
  const left = booking.units - booking.deliveredUnits;
  if (delivery.units > left) {
    throw new RuleViolation('units', 'not-above-booked', `only ${left} of the booking's ${booking.units} units are not yet delivered`, 409);
  }
  const drafts: EventDraft<AnswerType>[] = [{
    type: 'UnitsDelivered', aggregateId: booking.bookingId,
    payload: {
      deliveryId: delivery.deliveryId, bookingId: booking.bookingId, offerId: booking.offerId, payingMunicipality: booking.payingMunicipality,
      actingMunicipality: booking.actingMunicipality, deliveredOn: delivery.deliveredOn, units: delivery.units,
    },
  }];
  if (delivery.units === left) drafts.push(completed(booking, booking.units));
  return decideBooking(booking, drafts);
}

function completed(booking: UnitBooking, delivered: number): EventDraft<'BookingCompleted'> {
  return { type: 'BookingCompleted', aggregateId: booking.bookingId, payload: { bookingId: booking.bookingId, offerId: booking.offerId, deliveredUnits: delivered, unusedUnits: booking.units - delivered } };
}

/** A reserved booking whose period is over ends: what was not delivered is unused (every booking ends). */
export function completeEndedBooking(booking: UnitBooking, today: string): BookingDecision {
  if (booking.status !== 'reserved' || periodBounds(booking.period)!.last >= today) return NOTHING;
  return decideBooking(booking, [completed(booking, booking.deliveredUnits)]);
}
