import { Injectable } from '@nestjs/common';
import { type Principal, requireOwnOperator } from '@tilbudsnet/auth';
import { createEvent, type EventCause, type OfferSnapshot } from '@tilbudsnet/contracts';
import { TransactionalOutbox } from '@tilbudsnet/messaging';
import { DataSource, In } from 'typeorm';
import { lockOffer } from '../change-capacity/change-capacity.service';
import { noticeRuleFor } from '../domain/notice-rule';
import { confirmOfferData, snapshotOf, updateOffer, type Decision, type OfferChanges, type OfferState } from '../domain/offer';
import { announceAdjustment, announceClosure, takeEffect } from '../domain/offer-lifecycle';
import { OfferRecord } from '../offer.entity';
import { saveOfferState } from '../offer-store';
import type { AnnounceAdjustmentRequest, AnnounceClosureRequest } from './offer-lifecycle.requests';

function today(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** Use cases of an offer's life: update or confirm its data, announce a closure or reduction, and the day it takes effect. */
@Injectable()
export class OfferLifecycle {
  constructor(private readonly outbox: TransactionalOutbox, private readonly dataSource: DataSource) {}

  update(id: string, changes: OfferChanges, principal: Principal, cause: EventCause, now = new Date()): Promise<OfferSnapshot> {
    return this.decide(id, principal, cause, now, (offer) => updateOffer(offer, changes));
  }

  confirm(id: string, principal: Principal, cause: EventCause, now = new Date()): Promise<OfferSnapshot> {
    return this.decide(id, principal, cause, now, (offer) => confirmOfferData(offer, now));
  }

  announceClosure(id: string, request: AnnounceClosureRequest, principal: Principal, cause: EventCause, now = new Date()): Promise<OfferSnapshot> {
    return this.decide(id, principal, cause, now, (offer) => announceClosure(offer, request, today(now), noticeRuleFor(offer.regionCode)));
  }

  announceAdjustment(id: string, request: AnnounceAdjustmentRequest, principal: Principal, cause: EventCause, now = new Date()): Promise<OfferSnapshot> {
    return this.decide(id, principal, cause, now, (offer) => announceAdjustment(offer, request, today(now), noticeRuleFor(offer.regionCode)));
  }

  /** The scheduled job: closes offers and applies reductions whose date has come. */
  async takeEffectDue(now = new Date()): Promise<number> {
    const due = await this.dataSource.getRepository(OfferRecord).find({ where: { status: In(['closure-announced', 'adjusting']) }, select: { id: true } });
    let changed = 0;
    for (const { id } of due) {
      const cause = { correlationId: `effective-${id}-${today(now)}`, causationId: `effective-${id}-${today(now)}` };
      await this.outbox.run(async (manager) => {
        const offer = await lockOffer(manager, id);
        const decision = takeEffect(offer, today(now));
        if (!decision) return { result: undefined, events: [] };
        await saveOfferState(manager, decision.state);
        changed++;
        return { result: undefined, events: decision.events.map((e) => createEvent('offers', e, cause, now)) };
      });
    }
    return changed;
  }

  private decide(id: string, principal: Principal, cause: EventCause, now: Date, operation: (offer: OfferState) => Decision): Promise<OfferSnapshot> {
    return this.outbox.run(async (manager) => {
      const offer = await lockOffer(manager, id);
      requireOwnOperator(principal, offer.operator, 'id', 'an offer manager changes offers of its own operator only');
      const { state, events } = operation(offer);
      await saveOfferState(manager, state);
      return { result: snapshotOf(state), events: events.map((e) => createEvent('offers', e, cause, now)) };
    });
  }
}
