import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { EventOf } from '@tilbudsnet/contracts';
import { EventContext, TransactionalOutbox } from '@tilbudsnet/messaging';
import { BookingRecord } from './booking.entity';
import { saveBooking } from './booking-saga';
import { bookingCompleted, bookingRejected, unitsDelivered, unitsReserved, type BookingDecision } from './domain/booking';

/** Offers' answers move a booking on: reserved or rejected, then delivered units, then its end. */
@Controller()
export class BookingAnswerHandlers {
  constructor(private readonly outbox: TransactionalOutbox) {}

  @EventPattern('UnitsReserved')
  onReserved(@Payload() event: EventOf<'UnitsReserved'>, @Ctx() ctx: EventContext): Promise<void> {
    return this.apply(ctx, event.payload.bookingId, (b) => unitsReserved(b));
  }

  @EventPattern('BookingRejected')
  onRejected(@Payload() event: EventOf<'BookingRejected'>, @Ctx() ctx: EventContext): Promise<void> {
    return this.apply(ctx, event.payload.bookingId, (b) => bookingRejected(b, event.payload.message));
  }

  /** Each delivery once: the inbox drops a redelivered event before it gets here. */
  @EventPattern('UnitsDelivered')
  onDelivered(@Payload() event: EventOf<'UnitsDelivered'>, @Ctx() ctx: EventContext): Promise<void> {
    return this.apply(ctx, event.payload.bookingId, (b) => unitsDelivered(b, event.payload.units));
  }

  @EventPattern('BookingCompleted')
  onCompleted(@Payload() event: EventOf<'BookingCompleted'>, @Ctx() ctx: EventContext): Promise<void> {
    return this.apply(ctx, event.payload.bookingId, (b) => bookingCompleted(b, event.payload.deliveredUnits));
  }

  private async apply(ctx: EventContext, bookingId: string, decide: (b: BookingRecord) => BookingDecision): Promise<void> {
    const booking = await ctx.manager.findOne(BookingRecord, { where: { id: bookingId }, lock: { mode: 'pessimistic_write' } });
    if (!booking) return; // an answer to a booking this visitation never made
    await saveBooking(ctx.manager, this.outbox, decide(booking), ctx.cause);
  }
}
