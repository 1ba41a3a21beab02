import { deadLetterTopic } from '@tilbudsnet/contracts';
import type { IncomingMessage, OutgoingMessage } from '../bus/message-bus';

/** Values up to this size are kept whole in the dead letter (`DLQ_MAX_VALUE_BYTES`, default 256 KiB). */
export function deadLetterValueLimit(env: NodeJS.ProcessEnv = process.env): number {
  return Number(env.DLQ_MAX_VALUE_BYTES ?? 256 * 1024);
}

const HEAD_BYTES = 1024;
const HEADER_VALUE_BYTES = 1024;

/**
 * The dead letter keeps the original value and headers and adds why and where from, so it can be
 * inspected and replayed to its topic after a fix. A message too large to copy (just under the
 * broker's maximum, its copy with our headers would be refused and the partition would stop) is
 * dead-lettered as a small record instead: its size and a truncated head, marked `dlq-truncated`.
 * Header values are cut to 1 KiB for the same reason.
 */
export function deadLetterFor(message: IncomingMessage, consumerGroup: string, reason: string, attempts: number): { topic: string; message: OutgoingMessage } {
  const value = message.value ?? '';
  const size = Buffer.byteLength(value);
  const truncated = size > deadLetterValueLimit();
  const headers = Object.fromEntries(Object.entries(message.headers).slice(0, 64).map(([k, v]) => [k.slice(0, 200), cut(String(v), HEADER_VALUE_BYTES)]));
  return {
    topic: deadLetterTopic(message.topic),
    message: {
      key: cut(message.key ?? '', HEADER_VALUE_BYTES),
      value: truncated ? JSON.stringify({ truncated: true, size, head: cut(value, HEAD_BYTES) }) : value,
      headers: {
        ...headers,
        'dlq-reason': reason.slice(0, 2000),
        'dlq-original-topic': message.topic,
        'dlq-original-partition': String(message.partition),
        'dlq-original-offset': message.offset,
        'dlq-original-size': String(size),
        'dlq-consumer-group': consumerGroup,
        'dlq-attempts': String(attempts),
        'dlq-failed-at': new Date().toISOString(),
        ...(truncated ? { 'dlq-truncated': 'true' } : {}),
      },
    },
  };
}

/** The first `bytes` bytes of `text`, never splitting a character. */
function cut(text: string, bytes: number): string {
  if (Buffer.byteLength(text) <= bytes) return text;
  return Buffer.from(text).subarray(0, bytes).toString('utf8').replace(/\uFFFD$/, '');
}
