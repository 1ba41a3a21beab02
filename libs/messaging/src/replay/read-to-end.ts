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
  options: {
    groupPrefix?: string; onProgress?: (p: ReadProgress) => void; partitionsConcurrently?: number;
    /** Takes a partition's messages a batch at a time instead of `onMessage` one by one (in order either way). */
    onBatch?: (messages: IncomingMessage[]) => Promise<void>;
    maxBytesPerPartition?: number;
  } = {},
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
    partitionsConcurrently: options.partitionsConcurrently, maxBytesPerPartition: options.maxBytesPerPartition,
  });
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  await consumer.startBatches([...new Set(topics)], true, async (messages, done) => {
    const key = `${messages[0].topic}/${messages[0].partition}`;
    const last = remaining.get(key);
    // Marked done either way: an unmarked batch would be fetched again.
    if (last === undefined) return done(messages[messages.length - 1].offset);
    const wanted = messages.filter((m) => Number(m.offset) <= last);
    if (!wanted.length) return done(messages[messages.length - 1].offset);
    if (options.onBatch) await options.onBatch(wanted);
    else for (const message of wanted) await onMessage(message);
    await done(messages[messages.length - 1].offset);
    progress.processed += wanted.length;
    options.onProgress?.(progress);
    if (Number(wanted[wanted.length - 1].offset) >= last) {
      remaining.delete(key);
      if (!remaining.size) finish();
    }
  });
  await done;
  await consumer.stop();
  return progress;
}
