import { Injectable } from '@nestjs/common';
import type { Principal } from '@tilbudsnet/auth';
import type { EventCause, OfferSnapshot } from '@tilbudsnet/contracts';
import { TransactionalOutbox } from '@tilbudsnet/messaging';
import { noticeRuleFor } from '../domain/notice-rule';
import { announceClosure } from '../domain/offer-lifecycle';
import { changeOwnOffer } from '../offer-store';
import type { AnnounceClosureRequest } from './announce-closure.request';

/** The calendar day of `now` (UTC), as the notice rule counts. */
function today(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** Use case: lukning. The operator announces a closure with the region's notice; no admissions from now. */
@Injectable()
export class AnnouncingClosure {
  constructor(private readonly outbox: TransactionalOutbox) {}

  announce(id: string, request: AnnounceClosureRequest, principal: Principal, cause: EventCause, now = new Date()): Promise<OfferSnapshot> {
    return changeOwnOffer(this.outbox, id, principal, cause, now, (offer) => announceClosure(offer, request, today(now), noticeRuleFor(offer.regionCode)));
  }
}
