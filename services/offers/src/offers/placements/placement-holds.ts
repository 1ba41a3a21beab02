import { Injectable } from '@nestjs/common';
import { createEvent, type EventCause } from '@tilbudsnet/contracts';
import { TransactionalOutbox } from '@tilbudsnet/messaging';
import { DataSource, LessThan, type EntityManager } from 'typeorm';
import { decidePlacementEvent, expireHold, type HoldDecision, type PlacementEvent } from '../domain/placement-hold';
import { OfferRecord } from '../offer.entity';
import { saveOfferState } from '../offer-store';
import { PlacementHoldRecord } from '../placement-hold.entity';

/** How long a reserved place is held before it is released (`RESERVATION_HOLD_HOURS`, default 48). */
export function holdHoursFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  return Number(env.RESERVATION_HOLD_HOURS ?? 48);
}

/**
 * Offers' side of the placement saga. Each change locks the offer's row first, so concurrent
 * requests for the last place, on any number of instances, are decided one at a time.
 */
@Injectable()
export class PlacementHolds {
  constructor(private readonly dataSource: DataSource, private readonly outbox: TransactionalOutbox) {}

  /** Applies a placement event inside the consumer's inbox transaction. */
  async apply(manager: EntityManager, event: PlacementEvent, cause: EventCause, now = new Date()): Promise<void> {
    const offer = await manager.findOne(OfferRecord, { where: { id: event.payload.offerId }, lock: { mode: 'pessimistic_write' } });
    const hold = await manager.findOne(PlacementHoldRecord, { where: { placementId: event.payload.placementId }, lock: { mode: 'pessimistic_write' } });
    const decision = decidePlacementEvent(hold, offer, event, now, holdHoursFromEnv());
    await this.save(manager, decision, cause, now);
  }

  /** Releases every hold whose time ran out by `now`. Safe on several instances at once. */
  async expireDue(now = new Date()): Promise<number> {
    const due = await this.dataSource.getRepository(PlacementHoldRecord).find({ where: { status: 'reserved', expiresAt: LessThan(now) }, take: 500 });
    let expired = 0;
    for (const candidate of due) {
      await this.dataSource.transaction(async (manager) => {
        const offer = await manager.findOne(OfferRecord, { where: { id: candidate.offerId }, lock: { mode: 'pessimistic_write' } });
        const hold = await manager.findOne(PlacementHoldRecord, { where: { placementId: candidate.placementId }, lock: { mode: 'pessimistic_write' } });
        if (!offer || !hold) return;
        const decision = expireHold(hold, offer, now);
        const cause = { correlationId: `expiry-${hold.placementId}`, causationId: `expiry-${hold.placementId}` };
        await this.save(manager, decision, cause, now);
        if (decision.events.length) expired++;
      });
    }
    return expired;
  }

  private async save(manager: EntityManager, decision: HoldDecision, cause: EventCause, now: Date): Promise<void> {
    // One statement, new hold or changed: `save` would read the row again first (it is locked and read above).
    if (decision.hold) await manager.upsert(PlacementHoldRecord, decision.hold, ['placementId']);
    if (decision.offer) await saveOfferState(manager, decision.offer);
    await this.outbox.append(manager, decision.events.map((e) => createEvent('offers', e, cause, now)));
  }
}
