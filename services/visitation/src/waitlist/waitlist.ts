import { createEvent, type EventCause, type OfferSnapshot } from '@tilbudsnet/contracts';
import { Injectable } from '@nestjs/common';
import { TransactionalOutbox } from '@tilbudsnet/messaging';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { WaitlistEntryRecord } from './waitlist-entry.entity';

/** The waiting list: each change in the caller's transaction, its event through the outbox. */
@Injectable()
export class Waitlist {
  constructor(private readonly outbox: TransactionalOutbox) {}

/** Puts a case on the waiting list for a kind of place, once per kind. */
async join(
  manager: EntityManager, need: { caseId: string; actingMunicipality: string; targetGroup: string; paragraph: string; regionCode: string }, cause: EventCause,
): Promise<void> {
  const existing = await manager.findOne(WaitlistEntryRecord, {
    where: { caseId: need.caseId, targetGroup: need.targetGroup, paragraph: need.paragraph, regionCode: need.regionCode, status: 'waiting' },
  });
  if (existing) return;
  const entry = manager.create(WaitlistEntryRecord, { id: randomUUID(), ...need, status: 'waiting', matchedOfferId: null, matchedAt: null, version: 1 });
  await manager.save(entry);
  await this.outbox.append(manager, [createEvent('visitation', {
    type: 'WaitlistEntryAdded', aggregateId: entry.id, aggregateVersion: 1,
    payload: { entryId: entry.id, targetGroup: entry.targetGroup, paragraph: entry.paragraph as never, regionCode: entry.regionCode, actingMunicipality: entry.actingMunicipality },
  }, cause)]);
}

/**
 * A place opened in `offer`: every waiting entry it fits is told (`WaitlistMatchFound`, no personal
 * data) and shows the offer in the list.
 */
async match(manager: EntityManager, offer: OfferSnapshot, cause: EventCause, now = new Date()): Promise<number> {
  if (offer.status !== 'active' || offer.capacity.vacantPlaces <= 0) return 0;
  const entries = await manager.createQueryBuilder(WaitlistEntryRecord, 'w')
    .where(`w.status = 'waiting' AND w.region_code = :region`, { region: offer.regionCode })
    .andWhere('w.paragraph IN (:...paragraphs)', { paragraphs: offer.paragraphs.map((p) => p.paragraph) })
    .andWhere('w.target_group IN (:...groups)', { groups: offer.targetGroups })
    .setLock('pessimistic_write')
    .getMany();
  for (const entry of entries) {
    entry.status = 'matched';
    entry.matchedOfferId = offer.offerId;
    entry.matchedAt = now;
    entry.version += 1;
    await manager.save(entry);
    await this.outbox.append(manager, [createEvent('visitation', {
      type: 'WaitlistMatchFound', aggregateId: entry.id, aggregateVersion: entry.version,
      payload: { entryId: entry.id, offerId: offer.offerId, targetGroup: entry.targetGroup, paragraph: entry.paragraph as never, regionCode: entry.regionCode, actingMunicipality: entry.actingMunicipality },
    }, cause, now)]);
  }
  return entries.length;
}

/** A case that got a place leaves the waiting list (`WaitlistEntryRemoved`, reason `placed`). */
async leave(manager: EntityManager, caseId: string, reason: 'placed' | 'withdrawn', cause: EventCause): Promise<void> {
  const entries = await manager.find(WaitlistEntryRecord, { where: [{ caseId, status: 'waiting' }, { caseId, status: 'matched' }] });
  for (const entry of entries) {
    entry.status = reason;
    entry.version += 1;
    await manager.save(entry);
    await this.outbox.append(manager, [createEvent('visitation', { type: 'WaitlistEntryRemoved', aggregateId: entry.id, aggregateVersion: entry.version, payload: { entryId: entry.id, reason } }, cause)]);
  }
}
}
