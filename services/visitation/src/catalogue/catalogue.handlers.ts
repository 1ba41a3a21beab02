import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { EventOf, OfferSnapshot } from '@tilbudsnet/contracts';
import { EventContext } from '@tilbudsnet/messaging';
import { In } from 'typeorm';
import { flagForReplacement } from '../placements/domain/placement';
import { REPLACEABLE_STATUSES, replacementFrom } from '../placements/domain/replacement';
import { PlacementRecord } from '../placements/placement.entity';
import { Waitlist } from '../waitlist/waitlist';
import { applyOfferEventsInBulk } from './catalogue-bulk';
import type { OfferEvent } from './domain/catalogue-entry';

/**
 * Keeps the catalogue current from `offers.offer`. Each event is applied in its inbox transaction.
 * A place that opens is offered to the waiting list; an announced closure or reduction flags the
 * offer's placements for re-placement.
 */
@Controller()
export class CatalogueHandlers {
  constructor(private readonly waitlist: Waitlist) {}

  @EventPattern('OfferRegistered')
  async onOfferRegistered(@Payload() event: OfferEvent, @Ctx() ctx: EventContext): Promise<void> {
    await this.apply(event, ctx);
  }

  @EventPattern('OfferUpdated')
  async onOfferUpdated(@Payload() event: OfferEvent, @Ctx() ctx: EventContext): Promise<void> {
    await this.apply(event, ctx);
  }

  @EventPattern('CapacityChanged')
  async onCapacityChanged(@Payload() event: OfferEvent, @Ctx() ctx: EventContext): Promise<void> {
    const entry = await this.apply(event, ctx);
    // A rebuild restores the catalogue only; the waiting list was offered these places the first time.
    if (entry && !ctx.rebuilding) await this.waitlist.match(ctx.manager, entry, ctx.cause);
  }

  @EventPattern('OfferClosureAnnounced')
  onClosureAnnounced(@Payload() event: EventOf<'OfferClosureAnnounced'>, @Ctx() ctx: EventContext): Promise<void> {
    return this.flagPlacements(ctx, event.payload.offerId, replacementFrom(event));
  }

  @EventPattern('OfferAdjustmentAnnounced')
  onAdjustmentAnnounced(@Payload() event: EventOf<'OfferAdjustmentAnnounced'>, @Ctx() ctx: EventContext): Promise<void> {
    return this.flagPlacements(ctx, event.payload.offerId, replacementFrom(event));
  }

  private async flagPlacements(ctx: EventContext, offerId: string, from: string | null): Promise<void> {
    if (ctx.rebuilding || from === null) return; // placements were flagged the first time; or nobody has to move
    const placements = await ctx.manager.find(PlacementRecord, { where: { offerId, status: In(REPLACEABLE_STATUSES) } });
    for (const placement of placements) await ctx.manager.save(PlacementRecord, flagForReplacement(placement, from));
  }

  /** Returns the offer as it now stands, or null if the event changed nothing. */
  private async apply(event: OfferEvent, ctx: EventContext): Promise<OfferSnapshot | null> {
    const [offer] = await applyOfferEventsInBulk([event], ctx.manager);
    return offer ?? null;
  }
}
