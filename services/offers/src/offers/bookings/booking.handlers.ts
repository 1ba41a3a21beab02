import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { EventOf } from '@tilbudsnet/contracts';
import { EventContext } from '@tilbudsnet/messaging';
import { UnitBookings } from './unit-bookings';

/** Booking events from visitation: units are reserved, refused or freed by them. */
@Controller()
export class BookingHandlers {
  constructor(private readonly bookings: UnitBookings) {}

  @EventPattern('BookingRequested')
  onRequested(@Payload() event: EventOf<'BookingRequested'>, @Ctx() ctx: EventContext): Promise<void> {
    return this.bookings.request(ctx.manager, event, ctx.cause);
  }

  @EventPattern('BookingCancelled')
  onCancelled(@Payload() event: EventOf<'BookingCancelled'>, @Ctx() ctx: EventContext): Promise<void> {
    return this.bookings.cancel(ctx.manager, event);
  }
}
