import { deadLetterTopic, ALL_TOPICS } from '@tilbudsnet/contracts';
import { readToEnd, type IncomingMessage, type MessageBus } from '@tilbudsnet/messaging';
import type { DataSource } from 'typeorm';

export interface DeadLetterView {
  topic: string;
  partition: number;
  offset: string;
  originalTopic: string;
  consumerGroup: string;
  reason: string;
  attempts: number;
  failedAt: string;
  eventId: string | null;
  eventType: string | null;
  /** resolved: the consumer group has applied this event since (after a replay or a redelivery). */
  status: 'resolved' | 'unresolved';
}

const DLQ_HEADERS = /^dlq-/;

/**
 * Dead letters of this service's consumer group, read from the `.dlq` topics from their start
 * (they are small; a dead letter is rare).
 */
export async function deadLettersOf(bus: MessageBus, dataSource: DataSource, consumerGroup: string | null, originalTopic?: string): Promise<{ view: DeadLetterView; message: IncomingMessage }[]> {
  const topics = (originalTopic ? [originalTopic] : [...ALL_TOPICS]).map(deadLetterTopic);
  const messages: IncomingMessage[] = [];
  await readToEnd(bus, topics, async (m) => { messages.push(m); }, { groupPrefix: 'dead-letter-reader' });
  const letters = messages.filter((m) => consumerGroup !== null && m.headers['dlq-consumer-group'] === consumerGroup);
  const applied: { consumer_group: string; event_id: string }[] = letters.length
    ? await dataSource.query('SELECT consumer_group, event_id::text FROM messaging_inbox WHERE event_id::text = ANY($1)', [
      letters.map((m) => m.headers['event-id']).filter((id) => id && /^[0-9a-f-]{36}$/i.test(id))])
    : [];
  const done = new Set(applied.map((a) => `${a.consumer_group}/${a.event_id}`));
  return letters
    .sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition || Number(a.offset) - Number(b.offset))
    .map((m) => ({
      message: m,
      view: {
        topic: m.topic, partition: m.partition, offset: m.offset, originalTopic: m.headers['dlq-original-topic'], consumerGroup: m.headers['dlq-consumer-group'],
        reason: m.headers['dlq-reason'], attempts: Number(m.headers['dlq-attempts'] ?? 0), failedAt: m.headers['dlq-failed-at'],
        eventId: m.headers['event-id'] ?? null, eventType: m.headers['event-type'] ?? null,
        status: done.has(`${m.headers['dlq-consumer-group']}/${m.headers['event-id']}`) ? 'resolved' : 'unresolved',
      },
    }));
}

/** Sends dead letters back to their topic with their original headers (and where they came from). */
export async function replayDeadLetters(bus: MessageBus, letters: IncomingMessage[]): Promise<number> {
  if (!letters.length) return 0;
  const producer = await bus.producer();
  try {
    for (const m of letters) {
      const headers = Object.fromEntries(Object.entries(m.headers).filter(([k]) => !DLQ_HEADERS.test(k)));
      headers['replayed-from'] = `${m.topic}/${m.partition}/${m.offset}`;
      await producer.send([{ topic: m.headers['dlq-original-topic'], messages: [{ key: m.key ?? '', value: m.value ?? '', headers }] }]);
    }
  } finally {
    await producer.disconnect();
  }
  return letters.length;
}
