import { Injectable } from '@nestjs/common';
import type { Principal } from '@tilbudsnet/auth';
import type { EventCause, OfferSnapshot } from '@tilbudsnet/contracts';
import { TransactionalOutbox } from '@tilbudsnet/messaging';
import { changeApprovedPlaces } from '../domain/offer';
import { changeOwnOffer } from '../offer-store';
import type { ChangeCapacityRequest } from './change-capacity.request';

/** Use case: an offer manager raises or lowers approved places. */
@Injectable()
export class ChangingCapacity {
  constructor(private readonly outbox: TransactionalOutbox) {}

  change(id: string, request: ChangeCapacityRequest, principal: Principal, cause: EventCause, now = new Date()): Promise<OfferSnapshot> {
    return changeOwnOffer(this.outbox, id, principal, cause, now, (offer) => changeApprovedPlaces(offer, request));
  }
}
