import { topicOf, validateEvent, type TilbudsnetEvent } from '@tilbudsnet/contracts';
import type { EntityManager } from 'typeorm';
import { traceHeaders } from '../trace-context';
import { headersOf } from './event-headers';

/**
 * The largest event we publish (`OUTBOX_MAX_EVENT_BYTES`, default 256 KiB): far under the broker's
 * 1 MiB, so a dead letter of any event of ours always fits.
 */
export function maxEventBytes(env: NodeJS.ProcessEnv = process.env): number {
  return Number(env.OUTBOX_MAX_EVENT_BYTES ?? 256 * 1024);
}

/**
 * Writes events to the outbox inside the caller's transaction, so they are committed together with
 * the state change that caused them (transactional outbox). The relay publishes them later.
 * An event that breaks its own contract is a programming error and aborts the transaction.
 */
export async function appendToOutbox(manager: EntityManager, events: readonly TilbudsnetEvent[]): Promise<void> {
  const limit = maxEventBytes();
  const rows = events.map((event) => {
    const check = validateEvent(event);
    if (!check.ok) throw new Error(`refusing to publish an invalid ${event.type}: ${check.reason}`);
    const envelope = JSON.stringify(event);
    const size = Buffer.byteLength(envelope);
    if (size > limit) throw new Error(`refusing to publish a ${event.type} of ${size} bytes: events are at most ${limit} bytes (OUTBOX_MAX_EVENT_BYTES)`);
    return [event.eventId, topicOf(event.type), event.aggregateId, envelope, JSON.stringify({ ...headersOf(event), ...traceHeaders() })];
  });
  // One statement for the lot (a month close appends tens of thousands), in the given order: the
  // outbox id is the publishing order, and order per aggregate depends on it.
  for (let i = 0; i < rows.length; i += OUTBOX_ROWS_PER_INSERT) {
    const batch = rows.slice(i, i + OUTBOX_ROWS_PER_INSERT);
    await manager.query(
      `INSERT INTO messaging_outbox (event_id, topic, message_key, envelope, headers)
       SELECT event_id, topic, message_key, envelope::jsonb, headers::jsonb
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[]) WITH ORDINALITY AS e(event_id, topic, message_key, envelope, headers, n)
       ORDER BY n`,
      [0, 1, 2, 3, 4].map((column) => batch.map((row) => row[column])),
    );
  }
}

const OUTBOX_ROWS_PER_INSERT = 1000;
