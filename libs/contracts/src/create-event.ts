import { randomUUID } from 'node:crypto';
import type { EventOf, EventType, PayloadFor } from './event-types';
import { EVENT_DEFINITIONS } from './event-types';

/** What caused an event: the correlation id travels on, the causation id names the direct cause. */
export interface EventCause {
  correlationId: string;
  causationId: string;
}

export interface NewEvent<T extends EventType> {
  type: T;
  aggregateId: string;
  aggregateVersion: number;
  payload: PayloadFor<T>;
}

/** Wraps a payload in the envelope with a fresh event id and the type's current version. */
export function createEvent<T extends EventType>(
  producer: string,
  event: NewEvent<T>,
  cause: EventCause,
  now: Date = new Date(),
): EventOf<T> {
  return {
    eventId: randomUUID(),
    type: event.type,
    version: EVENT_DEFINITIONS[event.type].version,
    occurredAt: now.toISOString(),
    producer,
    aggregateId: event.aggregateId,
    aggregateVersion: event.aggregateVersion,
    correlationId: cause.correlationId,
    causationId: cause.causationId,
    payload: event.payload,
  } as EventOf<T>;
}
