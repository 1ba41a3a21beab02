import { deadLetterTopic } from '@tilbudsnet/contracts';
import type { IncomingMessage, OutgoingMessage } from '../bus/message-bus';

/**
 * The dead letter keeps the original value and headers untouched and adds why and where from,
 * so it can be inspected and replayed to its topic after a fix.
 */
export function deadLetterFor(message: IncomingMessage, consumerGroup: string, reason: string, attempts: number): { topic: string; message: OutgoingMessage } {
  return {
    topic: deadLetterTopic(message.topic),
    message: {
      key: message.key ?? '',
      value: message.value ?? '',
      headers: {
        ...message.headers,
        'dlq-reason': reason.slice(0, 2000),
        'dlq-original-topic': message.topic,
        'dlq-original-partition': String(message.partition),
        'dlq-original-offset': message.offset,
        'dlq-consumer-group': consumerGroup,
        'dlq-attempts': String(attempts),
        'dlq-failed-at': new Date().toISOString(),
      },
    },
  };
}
