import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { EventContext } from '@tilbudsnet/messaging';
import type { PlacementEvent } from '../domain/placement-hold';
import { PlacementHolds } from './placement-holds';

/** Placement events from visitation: reservations, occupancy and releases follow them. */
@Controller()
export class PlacementHandlers {
  constructor(private readonly holds: PlacementHolds) {}

  @EventPattern('PlacementRequested')
  onRequested(@Payload() event: PlacementEvent, @Ctx() ctx: EventContext): Promise<void> {
    return this.holds.apply(ctx.manager, event, ctx.cause);
  }

  @EventPattern('PlacementStarted')
  onStarted(@Payload() event: PlacementEvent, @Ctx() ctx: EventContext): Promise<void> {
    return this.holds.apply(ctx.manager, event, ctx.cause);
  }

  @EventPattern('PlacementCancelled')
  onCancelled(@Payload() event: PlacementEvent, @Ctx() ctx: EventContext): Promise<void> {
    return this.holds.apply(ctx.manager, event, ctx.cause);
  }

  @EventPattern('PlacementEnded')
  onEnded(@Payload() event: PlacementEvent, @Ctx() ctx: EventContext): Promise<void> {
    return this.holds.apply(ctx.manager, event, ctx.cause);
  }
}
