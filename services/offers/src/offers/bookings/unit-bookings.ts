import { Injectable } from '@nestjs/common';
import { requireOwnOperator, type Principal } from '@tilbudsnet/auth';
import { createEvent, periodAsOfferCounts, periodBounds, RuleViolation, type EventCause, type EventOf, type OfferSnapshot } from '@tilbudsnet/contracts';
import { TransactionalOutbox } from '@tilbudsnet/messaging';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import {
  cancelBooking, completeEndedBooking, decideBookingRequest, recordDelivery, unitsTaken, type BookingDecision, type UnitBooking,
} from '../domain/unit-booking';
import { OfferRecord } from '../offer.entity';
import { lockOffer, saveOfferState } from '../offer-store';
import { changeUnitsPerPeriod, snapshotOf } from '../domain/offer';
import { UnitBookingRecord } from '../unit-booking.entity';

/** An offer's units in one period: what it sells, what is booked (held or delivered) and what is left. */
export interface UnitAvailability {
  offerId: string; period: string; from: string; to: string; kind: string; per: string;
  unitsPerPeriod: number; bookedUnits: number; deliveredUnits: number; freeUnits: number;
}

export type BookingView = Omit<UnitBooking, 'version'> & { from: string; to: string };

const today = (now: Date) => now.toISOString().slice(0, 10);

/** A booking as its operator reads it: named fields only (the row's bookkeeping columns stay inside). */
function view(b: UnitBooking): BookingView {
  const bounds = periodBounds(b.period)!;
  return { bookingId: b.bookingId, offerId: b.offerId, period: b.period, units: b.units, deliveredUnits: b.deliveredUnits,
    payingMunicipality: b.payingMunicipality, actingMunicipality: b.actingMunicipality, status: b.status, from: bounds.first, to: bounds.last };
}

/** `unitsTaken` (domain/unit-booking.ts) as SQL over `unit_bookings`, for sums over many bookings at once. */
export const UNITS_TAKEN_SQL = "CASE status WHEN 'reserved' THEN units WHEN 'completed' THEN delivered_units ELSE 0 END";

/** Writes a booking with the last day of its period (when it ends if not all delivered). */
async function saveBooking(manager: EntityManager, booking: UnitBooking): Promise<void> {
  await manager.save(UnitBookingRecord, { ...booking, lastDay: periodBounds(booking.period)!.last });
}

/**
 * Offers' side of the booking saga for single services (enkeltydelser). Every decision about an
 * offer's units locks the offer's row first, so concurrent bookings for its last units, on any
 * number of instances, are decided one at a time.
 */
@Injectable()
export class UnitBookings {
  constructor(private readonly dataSource: DataSource, private readonly outbox: TransactionalOutbox) {}

  /** Answers a booking request inside the consumer's inbox transaction. */
  async request(manager: EntityManager, event: EventOf<'BookingRequested'>, cause: EventCause, now = new Date()): Promise<void> {
    const p = event.payload;
    const offer = await manager.findOne(OfferRecord, { where: { id: p.offerId }, lock: { mode: 'pessimistic_write' } });
    const existing = await manager.findOneBy(UnitBookingRecord, { bookingId: p.bookingId });
    const period = await manager.findBy(UnitBookingRecord, { offerId: p.offerId, period: p.period });
    await this.save(manager, decideBookingRequest(existing, offer, period, event, today(now)), cause, now);
  }

  /** The officer withdrew the booking, or visitation gave up waiting: its units are free. */
  async cancel(manager: EntityManager, event: EventOf<'BookingCancelled'>): Promise<void> {
    await manager.findOne(OfferRecord, { where: { id: event.payload.offerId }, lock: { mode: 'pessimistic_write' } });
    // A cancellation naming another offer than the booking's is no cancellation of it.
    const booking = await manager.findOne(UnitBookingRecord, { where: { bookingId: event.payload.bookingId, offerId: event.payload.offerId }, lock: { mode: 'pessimistic_write' } });
    const cancelled = cancelBooking(booking);
    if (cancelled) await saveBooking(manager, cancelled);
  }

  /** The operator records units delivered on a day (leaves as `UnitsDelivered`, billed at the month close). */
  deliver(offerId: string, bookingId: string, delivery: { deliveredOn: string; units: number }, principal: Principal, cause: EventCause, now = new Date()): Promise<BookingView> {
    return this.outbox.run(async (manager) => {
      const offer = await lockOffer(manager, offerId);
      requireOwnOperator(principal, offer.operator, 'offerId', 'an offer manager records deliveries of its own operator\'s offers only');
      // Locked too: the job that ends bookings locks the booking alone.
      const booking = await manager.findOne(UnitBookingRecord, { where: { bookingId, offerId }, lock: { mode: 'pessimistic_write' } });
      if (!booking) throw new RuleViolation('bookingId', 'booking-exists', `no booking ${bookingId} of offer ${offerId}`, 404);
      const decision = recordDelivery(booking, { deliveryId: randomUUID(), ...delivery }, today(now));
      await saveBooking(manager, decision.booking!);
      return { result: view(decision.booking!), events: decision.events.map((e) => createEvent('offers', e, cause, now)) };
    });
  }

  /** The operator changes a single service's units per period (leaves as `OfferUpdated`). */
  changeUnits(offerId: string, unitsPerPeriod: number, principal: Principal, cause: EventCause, now = new Date()): Promise<OfferSnapshot> {
    return this.outbox.run(async (manager) => {
      const offer = await lockOffer(manager, offerId);
      requireOwnOperator(principal, offer.operator, 'id', 'an offer manager changes offers of its own operator only');
      const [{ most }] = await manager.query(
        `SELECT coalesce(max(taken), 0)::int AS most FROM (
           SELECT sum(${UNITS_TAKEN_SQL}) AS taken
           FROM unit_bookings WHERE offer_id = $1 AND last_day >= $2::date GROUP BY period) p`, [offerId, today(now)]);
      const { state, events } = changeUnitsPerPeriod(offer, unitsPerPeriod, most);
      await saveOfferState(manager, state);
      return { result: snapshotOf(state), events: events.map((e) => createEvent('offers', e, cause, now)) };
    });
  }

  /** The bookings of an offer, for its operator: newest period first. */
  async list(offerId: string, principal: Principal, period?: string): Promise<BookingView[]> {
    const offer = await this.dataSource.getRepository(OfferRecord).findOneBy({ id: offerId });
    if (!offer) throw new RuleViolation('offerId', 'offer-exists', `no offer with id ${offerId}`, 404);
    requireOwnOperator(principal, offer.operator, 'offerId', 'an offer manager reads bookings of its own operator\'s offers only');
    const rows = await this.dataSource.getRepository(UnitBookingRecord).find({
      where: { offerId, ...(period ? { period } : {}) }, order: { period: 'DESC', updatedAt: 'DESC' }, take: 500,
    });
    return rows.map(view);
  }

  /** Units of an offer in a period: a public fact of the supply, like vacant places. */
  async availability(offerId: string, period: string): Promise<UnitAvailability> {
    const offer = await this.dataSource.getRepository(OfferRecord).findOneBy({ id: offerId });
    if (!offer) throw new RuleViolation('offerId', 'offer-exists', `no offer with id ${offerId}`, 404);
    if (!offer.units) throw new RuleViolation('offerId', 'single-service', 'the offer has places, not units', 422);
    const bounds = periodAsOfferCounts(period, offer.units.per);
    const bookings = await this.dataSource.getRepository(UnitBookingRecord).findBy({ offerId, period });
    const booked = unitsTaken(bookings);
    return {
      offerId, period, from: bounds.first, to: bounds.last, kind: offer.units.kind, per: offer.units.per, unitsPerPeriod: offer.units.unitsPerPeriod,
      bookedUnits: booked, deliveredUnits: bookings.reduce((s, b) => s + b.deliveredUnits, 0), freeUnits: Math.max(0, offer.units.unitsPerPeriod - booked),
    };
  }

  /** Ends the reserved bookings whose period is over (every booking ends). Safe on several instances at once. */
  async completeEnded(now = new Date()): Promise<number> {
    const due: { booking_id: string }[] = await this.dataSource.query(
      `SELECT booking_id FROM unit_bookings WHERE status = 'reserved' AND last_day < $1 ORDER BY last_day LIMIT 500`, [today(now)]);
    let ended = 0;
    for (const { booking_id } of due) {
      await this.dataSource.transaction(async (manager) => {
        const booking = await manager.findOne(UnitBookingRecord, { where: { bookingId: booking_id }, lock: { mode: 'pessimistic_write' } });
        if (!booking) return;
        const decision = completeEndedBooking(booking, today(now));
        await this.save(manager, decision, { correlationId: `booking-end-${booking_id}`, causationId: `booking-end-${booking_id}` }, now);
        if (decision.events.length) ended++;
      });
    }
    return ended;
  }

  private async save(manager: EntityManager, decision: BookingDecision, cause: EventCause, now: Date): Promise<void> {
    if (decision.booking) await saveBooking(manager, decision.booking);
    await this.outbox.append(manager, decision.events.map((e) => createEvent('offers', e, cause, now)));
  }
}
