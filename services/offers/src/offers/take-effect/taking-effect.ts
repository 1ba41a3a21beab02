import { Injectable } from '@nestjs/common';
import { createEvent } from '@tilbudsnet/contracts';
import { TransactionalOutbox } from '@tilbudsnet/messaging';
import { DataSource, In } from 'typeorm';
import { takeEffect } from '../domain/offer-lifecycle';
import { OfferRecord } from '../offer.entity';
import { lockOffer, saveOfferState } from '../offer-store';

/** Use case (the scheduled job): on the day, an announced closure closes the offer and an announced reduction takes effect. */
@Injectable()
export class TakingEffect {
  constructor(private readonly outbox: TransactionalOutbox, private readonly dataSource: DataSource) {}

  async takeEffectDue(now = new Date()): Promise<number> {
    const today = now.toISOString().slice(0, 10);
    const due = await this.dataSource.getRepository(OfferRecord).find({ where: { status: In(['closure-announced', 'adjusting']) }, select: { id: true } });
    let changed = 0;
    for (const { id } of due) {
      const cause = { correlationId: `effective-${id}-${today}`, causationId: `effective-${id}-${today}` };
      await this.outbox.run(async (manager) => {
        const decision = takeEffect(await lockOffer(manager, id), today);
        if (!decision) return { result: undefined, events: [] };
        await saveOfferState(manager, decision.state);
        changed++;
        return { result: undefined, events: decision.events.map((e) => createEvent('offers', e, cause, now)) };
      });
    }
    return changed;
  }
}
