import { Injectable } from '@nestjs/common';
import type { Principal } from '@tilbudsnet/auth';
import type { EventCause, OfferSnapshot } from '@tilbudsnet/contracts';
import { TransactionalOutbox } from '@tilbudsnet/messaging';
import { confirmOfferData } from '../domain/offer';
import { changeOwnOffer } from '../offer-store';

/** Use case: the manager vouches that the offer's data is current (last confirmed). */
@Injectable()
export class ConfirmingOffer {
  constructor(private readonly outbox: TransactionalOutbox) {}

  confirm(id: string, principal: Principal, cause: EventCause, now = new Date()): Promise<OfferSnapshot> {
    return changeOwnOffer(this.outbox, id, principal, cause, now, (offer) => confirmOfferData(offer, now));
  }
}
