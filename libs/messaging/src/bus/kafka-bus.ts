// The one module that imports kafkajs (unmaintained since 2023): replacing the client means
// rewriting this file against `message-bus.ts`, nothing else.
import { Kafka, logLevel, type Consumer, type IHeaders } from 'kafkajs';
import type {
  BusAdmin, BusConfig, BusConsumer, BusProducer, ConsumerOptions, IncomingMessage, MessageBus, MessageHeaders, PartitionLag,
  TopicSpec,
} from './message-bus';

function headersToText(headers: IHeaders | undefined): MessageHeaders {
  const out: MessageHeaders = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value === undefined) continue;
    out[name] = Array.isArray(value) ? value.map(String).join(',') : value.toString();
  }
  return out;
}

class KafkaConsumer implements BusConsumer {
  private consumer: Consumer | null = null;
  constructor(private readonly kafka: Kafka, private readonly options: ConsumerOptions) {}

  async start(topics: string[], fromBeginning: boolean, onMessage: (m: IncomingMessage) => Promise<void>): Promise<void> {
    const consumer = this.kafka.consumer({
      groupId: this.options.groupId,
      sessionTimeout: this.options.sessionTimeoutMs ?? 30000,
      heartbeatInterval: this.options.heartbeatIntervalMs ?? 3000,
      rebalanceTimeout: this.options.sessionTimeoutMs ?? 30000,
      retry: { retries: Number.MAX_SAFE_INTEGER, maxRetryTime: 5000 },
    });
    this.consumer = consumer;
    const joined = new Promise<void>((resolve) => {
      const off = consumer.on(consumer.events.GROUP_JOIN, () => { off(); resolve(); });
    });
    await consumer.connect();
    await consumer.subscribe({ topics, fromBeginning });
    await consumer.run({
      partitionsConsumedConcurrently: this.options.partitionsConcurrently ?? 3,
      eachMessage: async ({ topic, partition, message }) => {
        await onMessage({
          topic, partition, offset: message.offset,
          key: message.key ? message.key.toString() : null,
          value: message.value ? message.value.toString() : null,
          headers: headersToText(message.headers),
          timestamp: message.timestamp,
        });
      },
    });
    await joined;
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
    this.consumer = null;
  }
}

class KafkaAdmin implements BusAdmin {
  constructor(private readonly admin: ReturnType<Kafka['admin']>) {}

  async ensureTopics(topics: TopicSpec[]): Promise<void> {
    const existing = new Set(await this.admin.listTopics());
    const missing = topics.filter((t) => !existing.has(t.topic));
    if (!missing.length) return;
    await this.admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((t) => ({ topic: t.topic, numPartitions: t.partitions, replicationFactor: -1 })),
    }).catch((err: { type?: string }) => {
      // Another instance may have created it between list and create.
      if (err?.type !== 'TOPIC_ALREADY_EXISTS') throw err;
    });
  }

  listTopics(): Promise<string[]> {
    return this.admin.listTopics();
  }

  async consumerLag(groupId: string, topics: string[]): Promise<PartitionLag[]> {
    const out: PartitionLag[] = [];
    const committed = await this.admin.fetchOffsets({ groupId, topics });
    for (const { topic, partitions } of committed) {
      const ends = await this.admin.fetchTopicOffsets(topic);
      for (const p of partitions) {
        const end = Number(ends.find((e) => e.partition === p.partition)?.high ?? 0);
        const done = Number(p.offset) < 0 ? 0 : Number(p.offset);
        out.push({ topic, partition: p.partition, lag: Math.max(0, end - done) });
      }
    }
    return out;
  }

  async ping(): Promise<boolean> {
    try {
      await this.admin.describeCluster();
      return true;
    } catch {
      return false;
    }
  }

  disconnect(): Promise<void> {
    return this.admin.disconnect();
  }
}

export function createKafkaBus(config: BusConfig): MessageBus {
  const kafka = new Kafka({
    clientId: config.clientId,
    brokers: config.brokers,
    logLevel: logLevel.NOTHING,
    retry: { retries: 8, initialRetryTime: 100, maxRetryTime: 3000 },
  });
  return {
    async producer(): Promise<BusProducer> {
      const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
      await producer.connect();
      return {
        async send(batches) {
          await producer.sendBatch({ acks: -1, topicMessages: batches });
        },
        disconnect: () => producer.disconnect(),
      };
    },
    consumer: (options) => new KafkaConsumer(kafka, options),
    async admin() {
      const admin = kafka.admin();
      await admin.connect();
      return new KafkaAdmin(admin);
    },
  };
}
