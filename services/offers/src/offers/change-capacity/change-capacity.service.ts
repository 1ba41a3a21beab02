import { Injectable } from '@nestjs/common';
import { type Principal, requireOwnOperator } from '@tilbudsnet/auth';
import { createEvent, RuleViolation, type EventCause, type OfferSnapshot } from '@tilbudsnet/contracts';
import { TransactionalOutbox } from '@tilbudsnet/messaging';
import type { EntityManager } from 'typeorm';
import { changeApprovedPlaces, snapshotOf } from '../domain/offer';
import { OfferRecord } from '../offer.entity';
import type { ChangeCapacityRequest } from './change-capacity.request';

/** Loads an offer with a row lock, so concurrent changes of one offer queue up in commit order. */
export async function lockOffer(manager: EntityManager, id: string): Promise<OfferRecord> {
  const offer = await manager.findOne(OfferRecord, { where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!offer) throw new RuleViolation('id', 'offer-exists', `no offer with id ${id}`, 404);
  return offer;
}

/** Use case: an offer manager raises or lowers approved places. */
@Injectable()
export class ChangingCapacity {
  constructor(private readonly outbox: TransactionalOutbox) {}

  change(id: string, request: ChangeCapacityRequest, principal: Principal, cause: EventCause, now = new Date()): Promise<OfferSnapshot> {
    return this.outbox.run(async (manager) => {
      const offer = await lockOffer(manager, id);
      requireOwnOperator(principal, offer.operator, 'id', 'an offer manager changes offers of its own operator only');
      const { state, events } = changeApprovedPlaces(offer, request);
      await manager.update(OfferRecord, { id }, { paragraphs: state.paragraphs, version: state.version });
      return { result: snapshotOf(state), events: events.map((e) => createEvent('offers', e, cause, now)) };
    });
  }
}
