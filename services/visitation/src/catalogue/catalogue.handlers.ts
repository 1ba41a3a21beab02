import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { EventContext, PermanentHandlerError } from '@tilbudsnet/messaging';
import { applyOfferEvent, type OfferEvent } from './catalogue-entry';
import { CatalogueOfferRecord, recordOf } from './catalogue-offer.entity';

/** Keeps the catalogue current from `offers.offer`. Each event is applied in its inbox transaction. */
@Controller()
export class CatalogueHandlers {
  @EventPattern('OfferRegistered')
  onOfferRegistered(@Payload() event: OfferEvent, @Ctx() ctx: EventContext): Promise<void> {
    return this.apply(event, ctx);
  }

  @EventPattern('OfferUpdated')
  onOfferUpdated(@Payload() event: OfferEvent, @Ctx() ctx: EventContext): Promise<void> {
    return this.apply(event, ctx);
  }

  @EventPattern('CapacityChanged')
  onCapacityChanged(@Payload() event: OfferEvent, @Ctx() ctx: EventContext): Promise<void> {
    return this.apply(event, ctx);
  }

  private async apply(event: OfferEvent, ctx: EventContext): Promise<void> {
    const repo = ctx.manager.getRepository(CatalogueOfferRecord);
    const row = await repo.findOne({ where: { offerId: event.aggregateId }, lock: { mode: 'pessimistic_write' } });
    const change = applyOfferEvent(row ? { offer: row.snapshot, version: row.version } : null, event);
    if (change.kind === 'unknown-offer') throw new PermanentHandlerError(`${event.type} for offer ${event.aggregateId} that was never registered`);
    if (change.kind === 'upsert') await repo.upsert(recordOf(change.entry.offer, change.entry.version), ['offerId']);
  }
}
