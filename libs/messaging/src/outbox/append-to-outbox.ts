import { topicOf, validateEvent, type TilbudsnetEvent } from '@tilbudsnet/contracts';
import type { EntityManager } from 'typeorm';
import { traceHeaders } from '../trace-context';
import { headersOf } from './event-headers';

/**
 * Writes events to the outbox inside the caller's transaction, so they are committed together with
 * the state change that caused them (transactional outbox). The relay publishes them later.
 * An event that breaks its own contract is a programming error and aborts the transaction.
 */
export async function appendToOutbox(manager: EntityManager, events: readonly TilbudsnetEvent[]): Promise<void> {
  for (const event of events) {
    const check = validateEvent(event);
    if (!check.ok) throw new Error(`refusing to publish an invalid ${event.type}: ${check.reason}`);
    await manager.query(
      `INSERT INTO messaging_outbox (event_id, topic, message_key, envelope, headers) VALUES ($1, $2, $3, $4, $5)`,
      [event.eventId, topicOf(event.type), event.aggregateId, JSON.stringify(event), JSON.stringify({ ...headersOf(event), ...traceHeaders() })],
    );
  }
}
