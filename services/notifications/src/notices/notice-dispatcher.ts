import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Notice } from './domain/notice';
import { recipientsOf, type Recipient, type Subscription } from '../subscriptions/domain/subscription-match';
import { mailboxesOf } from './organisation-mailboxes';

export interface Dispatched {
  noticeId: string;
  recipients: Recipient[];
}

/**
 * Turns a notice into inbox entries and pending deliveries (e-mail, webhook) in the caller's
 * transaction; the delivery worker sends them after commit. Organisations are recipients by key;
 * a user recipient's inbox is their own.
 */
@Injectable()
export class NoticeDispatcher {
  async dispatch(manager: EntityManager, notice: Notice, sourceEventId: string | null = null): Promise<Dispatched> {
    const noticeId = randomUUID();
    await manager.query('INSERT INTO notices (id, kind, source_event_id, title, body, data) VALUES ($1, $2, $3, $4, $5, $6)', [
      noticeId, notice.kind, sourceEventId, JSON.stringify(notice.title), JSON.stringify(notice.body), JSON.stringify(notice.facts),
    ]);
    const subscriptions: (Subscription & { email: string | null })[] = (await manager.query(
      'SELECT kind, owner, organisation, filter, email FROM subscriptions WHERE kind = $1', [notice.kind])) as never;
    const recipients = recipientsOf(notice, subscriptions);
    for (const recipient of recipients) {
      await manager.query('INSERT INTO inbox_entries (id, notice_id, recipient, reason) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING', [
        randomUUID(), noticeId, recipient.key, recipient.reason]);
    }

    const organisations = recipients.filter((r) => !r.key.startsWith('user:')).map((r) => r.key);
    const mailboxes = await mailboxesOf(manager, recipients.filter((r) => r.reason === 'mandatory').map((r) => r.key));
    const addresses = new Set<string>([...mailboxes.values(), ...recipients.flatMap((r) => (r.email ? [r.email] : []))]);
    for (const address of addresses) await this.deliver(manager, noticeId, 'email', address);

    const webhooks: { id: string }[] = organisations.length
      ? await manager.query('SELECT id FROM webhooks WHERE organisation = ANY($1) AND $2 = ANY(kinds)', [organisations, notice.kind])
      : [];
    for (const webhook of webhooks) await this.deliver(manager, noticeId, 'webhook', webhook.id);
    return { noticeId, recipients };
  }

  /** Queues one delivery of a notice; to a disabled webhook it waits, suspended, until its owner enables it. */
  deliver(manager: EntityManager, noticeId: string, channel: 'email' | 'webhook', target: string): Promise<unknown> {
    return manager.query(
      `INSERT INTO deliveries (id, notice_id, channel, target, status)
       VALUES ($1, $2, $3, $4, CASE WHEN $3::text = 'webhook' AND NOT (SELECT enabled FROM webhooks WHERE id::text = $4::text) THEN 'suspended' ELSE 'pending' END)
       ON CONFLICT DO NOTHING`,
      [randomUUID(), noticeId, channel, target],
    );
  }
}
