import { Injectable } from '@nestjs/common';
import type { Principal } from '@tilbudsnet/auth';
import type { EventCause, OfferSnapshot } from '@tilbudsnet/contracts';
import { TransactionalOutbox } from '@tilbudsnet/messaging';
import { noticeRuleFor } from '../domain/notice-rule';
import { announceAdjustment } from '../domain/offer-lifecycle';
import { changeOwnOffer } from '../offer-store';
import type { AnnounceAdjustmentRequest } from './announce-adjustment.request';

/** The calendar day of `now` (UTC), as the notice rule counts. */
function today(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** Use case: tilpasning. The operator announces fewer places under one paragraph from a date, with the region's notice. */
@Injectable()
export class AnnouncingAdjustment {
  constructor(private readonly outbox: TransactionalOutbox) {}

  announce(id: string, request: AnnounceAdjustmentRequest, principal: Principal, cause: EventCause, now = new Date()): Promise<OfferSnapshot> {
    return changeOwnOffer(this.outbox, id, principal, cause, now, (offer) => announceAdjustment(offer, request, today(now), noticeRuleFor(offer.regionCode)));
  }
}
