import { Injectable } from '@nestjs/common';
import { type Principal, requireOwnOperator } from '@tilbudsnet/auth';
import { createEvent, type EventCause, type OfferSnapshot } from '@tilbudsnet/contracts';
import { TransactionalOutbox } from '@tilbudsnet/messaging';
import { randomUUID } from 'node:crypto';
import { registerOffer, snapshotOf } from '../domain/offer';
import { OfferRecord } from '../offer.entity';
import type { RegisterOfferRequest } from './register-offer.request';

/** Use case: an operator registers an offer; the row and `OfferRegistered` commit together. */
@Injectable()
export class RegisteringOffer {
  constructor(private readonly outbox: TransactionalOutbox) {}

  register(request: RegisterOfferRequest, principal: Principal, cause: EventCause, now = new Date()): Promise<OfferSnapshot> {
    requireOwnOperator(principal, request.operator, 'operator', 'an offer manager registers offers of its own operator only');
    const { state, events } = registerOffer({ ...request, id: randomUUID(), demo: request.demo ?? false }, now);
    return this.outbox.run(async (manager) => {
      await manager.insert(OfferRecord, state);
      return { result: snapshotOf(state), events: events.map((e) => createEvent('offers', e, cause, now)) };
    });
  }
}
