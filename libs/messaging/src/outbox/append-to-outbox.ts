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
  for (const event of events) {
    const check = validateEvent(event);
    if (!check.ok) throw new Error(`refusing to publish an invalid ${event.type}: ${check.reason}`);
    const size = Buffer.byteLength(JSON.stringify(event));
    if (size > limit) throw new Error(`refusing to publish a ${event.type} of ${size} bytes: events are at most ${limit} bytes (OUTBOX_MAX_EVENT_BYTES)`);
    await manager.query(
      `INSERT INTO messaging_outbox (event_id, topic, message_key, envelope, headers) VALUES ($1, $2, $3, $4, $5)`,
      [event.eventId, topicOf(event.type), event.aggregateId, JSON.stringify(event), JSON.stringify({ ...headersOf(event), ...traceHeaders() })],
    );
  }
}
