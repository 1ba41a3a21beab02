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

/** Maps logical topic names to the broker's, with an optional prefix (one broker, several systems). */
class TopicNames {
  constructor(readonly prefix: string) {}
  physical(topic: string): string {
    return this.prefix + topic;
  }
  logical(topic: string): string {
    return topic.startsWith(this.prefix) ? topic.slice(this.prefix.length) : topic;
  }
}

class KafkaConsumer implements BusConsumer {
  private consumer: Consumer | null = null;
  private crashListener: ((error: Error) => void) | null = null;
  constructor(private readonly kafka: Kafka, private readonly options: ConsumerOptions, private readonly names: TopicNames) {}

  async start(topics: string[], fromBeginning: boolean, onMessage: (m: IncomingMessage) => Promise<void>): Promise<void> {
    const consumer = this.kafka.consumer({
      groupId: this.options.groupId,
      sessionTimeout: this.options.sessionTimeoutMs ?? 30000,
      heartbeatInterval: this.options.heartbeatIntervalMs ?? 3000,
      rebalanceTimeout: this.options.sessionTimeoutMs ?? 30000,
      retry: { retries: Number.MAX_SAFE_INTEGER, maxRetryTime: 5000 },
    });
    this.consumer = consumer;
    consumer.on(consumer.events.CRASH, (event) => {
      // kafkajs restarts by itself when it says so; otherwise the consumer is gone for good.
      if (!event.payload.restart && this.consumer === consumer) this.crashListener?.(event.payload.error);
    });
    const joined = new Promise<void>((resolve) => {
      const off = consumer.on(consumer.events.GROUP_JOIN, () => { off(); resolve(); });
    });
    await consumer.connect();
    await consumer.subscribe({ topics: topics.map((t) => this.names.physical(t)), fromBeginning });
    await consumer.run({
      partitionsConsumedConcurrently: this.options.partitionsConcurrently ?? 3,
      eachMessage: async ({ topic, partition, message }) => {
        await onMessage({
          topic: this.names.logical(topic), partition, offset: message.offset,
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
    const consumer = this.consumer;
    this.consumer = null;
    await consumer?.disconnect();
  }

  onCrash(listener: (error: Error) => void): void {
    this.crashListener = listener;
  }
}

class KafkaAdmin implements BusAdmin {
  constructor(private readonly admin: ReturnType<Kafka['admin']>, private readonly names: TopicNames) {}

  async ensureTopics(topics: TopicSpec[]): Promise<void> {
    const wanted = topics.map((t) => ({ ...t, topic: this.names.physical(t.topic) }));
    // Several services create the same topics at start-up; whoever loses the race retries until
    // every topic exists and has a leader.
    for (let attempt = 1; ; attempt++) {
      try {
        const existing = new Set(await this.admin.listTopics());
        const missing = wanted.filter((t) => !existing.has(t.topic));
        if (missing.length) {
          await this.admin.createTopics({
            waitForLeaders: false,
            topics: missing.map((t) => ({ topic: t.topic, numPartitions: t.partitions, replicationFactor: -1 })),
          }).catch((err: { type?: string }) => {
            if (err?.type !== 'TOPIC_ALREADY_EXISTS') throw err;
          });
        }
        const metadata = await this.admin.fetchTopicMetadata({ topics: wanted.map((t) => t.topic) });
        if (metadata.topics.every((t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0))) return;
        throw new Error('topics have no leader yet');
      } catch (error) {
        if (attempt >= 40) throw error;
        await new Promise((r) => setTimeout(r, 250));
      }
    }
  }

  async listTopics(): Promise<string[]> {
    return (await this.admin.listTopics()).filter((t) => t.startsWith(this.names.prefix)).map((t) => this.names.logical(t));
  }

  async consumerLag(groupId: string, topics: string[]): Promise<PartitionLag[]> {
    const out: PartitionLag[] = [];
    const committed = await this.admin.fetchOffsets({ groupId, topics: topics.map((t) => this.names.physical(t)) });
    for (const { topic: physical, partitions } of committed) {
      const topic = this.names.logical(physical);
      const ends = await this.admin.fetchTopicOffsets(physical);
      for (const p of partitions) {
        const end = Number(ends.find((e) => e.partition === p.partition)?.high ?? 0);
        const done = Number(p.offset) < 0 ? 0 : Number(p.offset);
        out.push({ topic, partition: p.partition, lag: Math.max(0, end - done) });
      }
    }
    return out;
  }

  async offsets(topic: string): Promise<{ partition: number; low: number; high: number }[]> {
    const found = await this.admin.fetchTopicOffsets(this.names.physical(topic));
    return found.map((o) => ({ partition: o.partition, low: Number(o.low), high: Number(o.high) }));
  }

  async groupMembers(groupId: string): Promise<number> {
    const { groups } = await this.admin.describeGroups([groupId]);
    return groups[0]?.members.length ?? 0;
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
  const names = new TopicNames(config.topicPrefix ?? process.env.KAFKA_TOPIC_PREFIX ?? '');
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
          await producer.sendBatch({ acks: -1, topicMessages: batches.map((b) => ({ ...b, topic: names.physical(b.topic) })) });
        },
        disconnect: () => producer.disconnect(),
      };
    },
    consumer: (options) => new KafkaConsumer(kafka, options, names),
    async admin() {
      const admin = kafka.admin();
      await admin.connect();
      return new KafkaAdmin(admin, names);
    },
  };
}
