import { Injectable } from '@nestjs/common';
import type { Principal } from '@tilbudsnet/auth';
import type { EventCause, OfferSnapshot } from '@tilbudsnet/contracts';
import { TransactionalOutbox } from '@tilbudsnet/messaging';
import { updateOffer, type OfferChanges } from '../domain/offer';
import { changeOwnOffer } from '../offer-store';

/** Use case: the operator changes the offer's description, or opens or closes it to admissions. */
@Injectable()
export class UpdatingOffer {
  constructor(private readonly outbox: TransactionalOutbox) {}

  update(id: string, changes: OfferChanges, principal: Principal, cause: EventCause, now = new Date()): Promise<OfferSnapshot> {
    return changeOwnOffer(this.outbox, id, principal, cause, now, (offer) => updateOffer(offer, changes, now.toISOString().slice(0, 10)));
  }
}
