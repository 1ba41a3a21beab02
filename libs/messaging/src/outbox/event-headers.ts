import type { EventEnvelope } from '@tilbudsnet/contracts';
import type { MessageHeaders } from '../bus/message-bus';

/** Kafka headers every event carries, so tools can route and trace without parsing the body. */
export function headersOf(event: EventEnvelope): MessageHeaders {
  return {
    'event-id': event.eventId,
    'event-type': event.type,
    'correlation-id': event.correlationId,
    'causation-id': event.causationId,
    'content-type': 'application/json',
  };
}
