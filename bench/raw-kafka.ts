// Baseline: the raw kafkajs produce -> consume round trip on the same broker, no database, no
// envelope validation. What the system adds on top is the ratio against this.
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { kafkaSecurityFromEnv } from '@tilbudsnet/messaging';
import { summarise, type Summary } from './stats';

export async function rawRoundTrip(brokers: string[], count: number, concurrency: number, payloadBytes: number): Promise<Summary> {
  const kafka = new Kafka({ clientId: 'bench-raw', brokers, logLevel: logLevel.NOTHING, ...kafkaSecurityFromEnv() });
  const topic = `bench.raw.${randomUUID().slice(0, 8)}`;
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 3 }], waitForLeaders: true });
  await admin.disconnect();
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  let done!: () => void;
  const allReceived = new Promise<void>((r) => (done = r));
  const consumer = kafka.consumer({ groupId: `bench-raw-${randomUUID()}`, sessionTimeout: 6000, heartbeatInterval: 500 });
  const joined = new Promise<void>((r) => consumer.on(consumer.events.GROUP_JOIN, () => r()));
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    partitionsConsumedConcurrently: 3,
    eachMessage: async ({ message }) => {
      const id = message.key!.toString();
      latencies.push(performance.now() - sentAt.get(id)!);
      if (latencies.length === count) done();
    },
  });
  await joined;
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  const filler = 'x'.repeat(payloadBytes);
  const started = performance.now();
  let next = 0;
  // One message in flight per lane, as the system sends one change per offer at a time.
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < count) {
      const id = String(next++);
      sentAt.set(id, performance.now());
      await producer.send({ topic, acks: -1, messages: [{ key: id, value: filler }] });
    }
  }));
  await allReceived;
  const seconds = (performance.now() - started) / 1000;
  await producer.disconnect();
  await consumer.disconnect();
  return summarise(latencies, seconds);
}

/** Baseline for replays: how fast raw kafkajs reads a topic from the start, doing nothing with the messages. */
export async function rawConsumeRate(
  brokers: string[], physicalTopic: string, count: number, maxBytesPerPartition?: number,
): Promise<{ seconds: number; perSecond: number }> {
  const kafka = new Kafka({ clientId: 'bench-raw-replay', brokers, logLevel: logLevel.NOTHING, ...kafkaSecurityFromEnv() });
  const consumer = kafka.consumer({
    groupId: `bench-raw-replay-${randomUUID()}`, sessionTimeout: 10000, heartbeatInterval: 1000,
    ...(maxBytesPerPartition ? { maxBytesPerPartition, maxBytes: maxBytesPerPartition * 4 } : {}),
  });
  await consumer.connect();
  await consumer.subscribe({ topic: physicalTopic, fromBeginning: true });
  let seen = 0;
  let done!: () => void;
  const all = new Promise<void>((r) => (done = r));
  const started = performance.now();
  await consumer.run({
    partitionsConsumedConcurrently: 3,
    eachBatch: async ({ batch }) => {
      seen += batch.messages.length;
      if (seen >= count) done();
    },
  });
  await all;
  const seconds = (performance.now() - started) / 1000;
  await consumer.disconnect();
  return { seconds, perSecond: count / seconds };
}

/** Moves a consumer group to the end of a topic, so a service starting in it reads only what comes next. */
export async function moveGroupToEnd(brokers: string[], groupId: string, physicalTopics: string[]): Promise<void> {
  const admin = new Kafka({ clientId: 'bench-admin', brokers, logLevel: logLevel.NOTHING, ...kafkaSecurityFromEnv() }).admin();
  await admin.connect();
  for (const topic of physicalTopics) {
    const ends = await admin.fetchTopicOffsets(topic);
    await admin.setOffsets({ groupId, topic, partitions: ends.map((e) => ({ partition: e.partition, offset: e.high })) });
  }
  await admin.disconnect();
}
