import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { createEvent, type EventOf } from '@tilbudsnet/contracts';
import { EventContext, TransactionalOutbox } from '@tilbudsnet/messaging';
import { CaseRecord } from '../cases/case.entity';
import { CatalogueOfferRecord } from '../catalogue/catalogue-offer.entity';
import { joinsWaitlistAfter, waitlistRegionFor } from '../waitlist/domain/waitlist-rules';
import { Waitlist } from '../waitlist/waitlist';
import { placeReserved, reservationExpired, reservationRejected, type PlacementDecision } from './domain/placement';
import { PlacementRecord } from './placement.entity';
import { storePlacement } from './placement-store';

/** Offers' answers move the saga on; a request refused for want of a place puts the case on the waiting list. */
@Controller()
export class ReservationHandlers {
  constructor(private readonly outbox: TransactionalOutbox, private readonly waitlist: Waitlist) {}

  @EventPattern('PlaceReserved')
  async onReserved(@Payload() event: EventOf<'PlaceReserved'>, @Ctx() ctx: EventContext): Promise<void> {
    await this.apply(ctx, event.payload.placementId, (p) => placeReserved(p, new Date(event.payload.expiresAt)));
  }

  @EventPattern('ReservationRejected')
  async onRejected(@Payload() event: EventOf<'ReservationRejected'>, @Ctx() ctx: EventContext): Promise<void> {
    const placement = await this.apply(ctx, event.payload.placementId, (p) => reservationRejected(p, event.payload.message));
    if (!placement || !joinsWaitlistAfter(event.payload.reason)) return;
    const found = await ctx.manager.findOneBy(CaseRecord, { id: placement.caseId });
    const offer = await ctx.manager.findOneBy(CatalogueOfferRecord, { offerId: placement.offerId });
    const regionCode = found ? waitlistRegionFor(found.needs, offer) : null;
    if (!found || !regionCode) return;
    await this.waitlist.join(ctx.manager, {
      caseId: found.id, actingMunicipality: found.actingMunicipality, targetGroup: placement.targetGroup, paragraph: placement.paragraph, regionCode,
    }, ctx.cause);
  }

  @EventPattern('ReservationExpired')
  async onExpired(@Payload() event: EventOf<'ReservationExpired'>, @Ctx() ctx: EventContext): Promise<void> {
    await this.apply(ctx, event.payload.placementId, (p) => reservationExpired(p));
  }

  private async apply(ctx: EventContext, placementId: string, decide: (p: PlacementRecord) => PlacementDecision): Promise<PlacementRecord | null> {
    const placement = await ctx.manager.findOne(PlacementRecord, { where: { id: placementId }, lock: { mode: 'pessimistic_write' } });
    if (!placement) return null; // an answer to a request this visitation never made: nothing to move on
    const decision = decide(placement);
    await storePlacement(ctx.manager, decision);
    await this.outbox.append(ctx.manager, decision.events.map((e) => createEvent('visitation', e, ctx.cause)));
    return placement;
  }
}
