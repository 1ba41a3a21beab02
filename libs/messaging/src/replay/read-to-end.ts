import { randomUUID } from 'node:crypto';
import type { IncomingMessage, MessageBus } from '../bus/message-bus';

export interface ReadProgress {
  total: number;
  processed: number;
}

/**
 * Reads topics from their first kept message up to where they end now (later messages are left
 * alone), with a consumer group of its own so no service's offsets move. `onMessage` runs in
 * partition order; `onProgress` after each message.
 */
export async function readToEnd(
  bus: MessageBus, topics: string[], onMessage: (m: IncomingMessage) => Promise<void>,
  options: { groupPrefix?: string; onProgress?: (p: ReadProgress) => void; partitionsConcurrently?: number } = {},
): Promise<ReadProgress> {
  const admin = await bus.admin();
  const remaining = new Map<string, number>(); // "topic/partition" -> last offset to read
  let total = 0;
  try {
    for (const topic of topics) {
      if (!(await admin.listTopics()).includes(topic)) continue;
      for (const { partition, low, high } of await admin.offsets(topic)) {
        if (high > low) {
          remaining.set(`${topic}/${partition}`, high - 1);
          total += high - low;
        }
      }
    }
  } finally {
    await admin.disconnect();
  }
  const progress: ReadProgress = { total, processed: 0 };
  options.onProgress?.(progress); // the total is known before the first message
  if (!total) return progress;
  const consumer = bus.consumer({
    groupId: `${options.groupPrefix ?? 'read-to-end'}-${randomUUID().slice(0, 8)}`, sessionTimeoutMs: 10000, heartbeatIntervalMs: 1000,
    partitionsConcurrently: options.partitionsConcurrently,
  });
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  await consumer.start([...new Set(topics)], true, async (message) => {
    const key = `${message.topic}/${message.partition}`;
    const last = remaining.get(key);
    if (last === undefined || Number(message.offset) > last) return;
    await onMessage(message);
    progress.processed++;
    options.onProgress?.(progress);
    if (Number(message.offset) >= last) {
      remaining.delete(key);
      if (!remaining.size) finish();
    }
  });
  await done;
  await consumer.stop();
  return progress;
}
