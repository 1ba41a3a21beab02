// The one module that imports kafkajs (unmaintained since 2023): replacing the client means
// rewriting this file against `message-bus.ts`, nothing else.
import { readFileSync } from 'node:fs';
import {
  AclOperationTypes, AclPermissionTypes, AclResourceTypes, CompressionTypes, Kafka, logLevel, ResourcePatternTypes, type Consumer, type IHeaders, type KafkaConfig, type KafkaMessage,
} from 'kafkajs';
import type { KafkaGrant } from '../access/kafka-access';
import { compressionSettingFrom, gzipsSend } from './compression';
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

/**
 * A fetched record as the bus hands it over, its key, value and headers turned into text only when
 * read. A fetch holds thousands of records (a rebuild's especially) until its last chunk is
 * applied; text made up front lived that long and was promoted to V8's old space, where collecting
 * it cost the rebuild a fifth of its time. Read lazily, each chunk's text dies young. The text
 * fields are getters: `JSON.stringify` sees them through `toJSON`, a spread (`{ ...message }`)
 * would not.
 */
class FetchedMessage implements IncomingMessage {
  readonly #record: KafkaMessage;
  constructor(readonly topic: string, readonly partition: number, record: KafkaMessage) {
    this.#record = record;
  }
  get offset(): string {
    return this.#record.offset;
  }
  get timestamp(): string {
    return this.#record.timestamp;
  }
  get key(): string | null {
    return this.#record.key ? this.#record.key.toString() : null;
  }
  get value(): string | null {
    return this.#record.value ? this.#record.value.toString() : null;
  }
  get headers(): MessageHeaders {
    return headersToText(this.#record.headers);
  }
  toJSON(): IncomingMessage {
    const { topic, partition, offset, key, value, headers, timestamp } = this;
    return { topic, partition, offset, key, value, headers, timestamp };
  }
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

/** Thrown out of a batch's `done` when the partition was taken away meanwhile. */
class BatchAbandoned extends Error {}

/**
 * How often handled offsets are committed. kafkajs commits after every batch, a request to the
 * group coordinator (a write to `__consumer_offsets`) awaited before the partition's next batch:
 * at 35 sagas/s that was about 5 commits a saga. What is handled but not yet committed when a
 * process dies is delivered again, and the inbox drops it (exactly-once effect), so committing
 * a second's worth at a time loses nothing.
 */
const COMMIT_EVERY_MS = 1000;

class KafkaConsumer implements BusConsumer {
  private consumer: Consumer | null = null;
  private crashListener: ((error: Error) => void) | null = null;
  /** Handled, not yet committed: the next offset to read per topic-partition. */
  private readonly handled = new Map<string, { topic: string; partition: number; offset: string }>();
  private committer: NodeJS.Timeout | null = null;
  private stopping = false;
  constructor(private readonly kafka: Kafka, private readonly options: ConsumerOptions, private readonly names: TopicNames) {}

  /** Commits what was handled since the last commit; a refused commit only means those are read again. */
  private async commitHandled(consumer: Consumer): Promise<void> {
    if (!this.handled.size) return;
    const offsets = [...this.handled.values()];
    this.handled.clear();
    await consumer.commitOffsets(offsets).catch(() => {
      for (const o of offsets) {
        const key = `${o.topic}:${o.partition}`;
        if (!this.handled.has(key)) this.handled.set(key, o);
      }
    });
  }

  start(topics: string[], fromBeginning: boolean, onMessage: (m: IncomingMessage) => Promise<void>): Promise<void> {
    return this.startBatches(topics, fromBeginning, async (messages, done) => {
      for (const message of messages) {
        await onMessage(message);
        await done(message.offset);
      }
    });
  }

  async startBatches(
    topics: string[], fromBeginning: boolean, onBatch: (messages: IncomingMessage[], done: (offset: string) => Promise<void>) => Promise<void>,
  ): Promise<void> {
    this.stopping = false;
    const consumer = this.kafka.consumer({
      groupId: this.options.groupId,
      sessionTimeout: this.options.sessionTimeoutMs ?? 30000,
      heartbeatInterval: this.options.heartbeatIntervalMs ?? 3000,
      rebalanceTimeout: this.options.sessionTimeoutMs ?? 30000,
      // Stopping waits for the fetch in flight, which on a quiet topic is held for up to this long
      // (kafkajs' default is 5 s: a rebuild paused the live consumer for 4.4 s of a 6 s run). A
      // fetch still returns at once when a message arrives, so this costs no latency.
      maxWaitTimeInMs: 500,
      ...(this.options.maxBytesPerPartition ? { maxBytesPerPartition: this.options.maxBytesPerPartition, maxBytes: this.options.maxBytesPerPartition * 4 } : {}),
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
      autoCommit: false,
      eachBatchAutoResolve: false,
      eachBatch: async ({ batch, resolveOffset, heartbeat, isRunning, isStale }) => {
        const topic = this.names.logical(batch.topic);
        const messages: IncomingMessage[] = batch.messages.map((message) => new FetchedMessage(topic, batch.partition, message));
        if (!messages.length || !isRunning() || isStale()) return;
        await onBatch(messages, async (offset) => {
          resolveOffset(offset);
          this.handled.set(`${batch.topic}:${batch.partition}`, { topic: batch.topic, partition: batch.partition, offset: (BigInt(offset) + 1n).toString() });
          // While stopping, at once: the group is left as soon as the batches in flight are done.
          if (this.stopping) await this.commitHandled(consumer);
          await heartbeat();
          // After a rebalance the rest of this batch belongs to someone else; stop handing it over.
          if (!isRunning() || isStale()) throw new BatchAbandoned();
        }).catch((error: unknown) => {
          if (!(error instanceof BatchAbandoned)) throw error;
        });
      },
    });
    await joined;
    this.committer = setInterval(() => void this.commitHandled(consumer), COMMIT_EVERY_MS);
    this.committer.unref();
  }

  async stop(): Promise<void> {
    const consumer = this.consumer;
    this.consumer = null;
    this.stopping = true;
    if (this.committer) clearInterval(this.committer);
    this.committer = null;
    if (consumer) await this.commitHandled(consumer);
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

  async moveGroupToEnd(groupId: string, topic: string): Promise<void> {
    const physical = this.names.physical(topic);
    const ends = await this.admin.fetchTopicOffsets(physical);
    await this.admin.setOffsets({ groupId, topic: physical, partitions: ends.map((e) => ({ partition: e.partition, offset: e.high })) });
  }

  async grant(principal: string, grants: KafkaGrant[]): Promise<void> {
    const operation = { READ: AclOperationTypes.READ, WRITE: AclOperationTypes.WRITE, DESCRIBE: AclOperationTypes.DESCRIBE };
    const entries = grants.flatMap((g) => g.operations.map((op) => ({
      resourceType: g.resource === 'topic' ? AclResourceTypes.TOPIC : AclResourceTypes.GROUP,
      resourceName: g.name,
      resourcePatternType: g.pattern === 'literal' ? ResourcePatternTypes.LITERAL : ResourcePatternTypes.PREFIXED,
      principal: `User:${principal}`,
      host: '*',
      operation: operation[op],
      permissionType: AclPermissionTypes.ALLOW,
    })));
    await this.admin.createAcls({ acl: entries });
    await this.untilAclsEffective(`User:${principal}`, entries.map(aclKey));
  }

  /**
   * CreateAcls returns when the controller has committed the rules; a broker applies them a moment
   * later. A client that signs in within that moment is refused (an idempotent producer's first
   * request then fails with CLUSTER_AUTHORIZATION_FAILED). DescribeAcls answers from the broker's
   * own authorizer, so once it lists every rule, the rules are in force.
   */
  private async untilAclsEffective(principal: string, expected: string[], timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { resources } = await this.admin.describeAcls({
        resourceType: AclResourceTypes.ANY, resourcePatternType: ResourcePatternTypes.ANY, principal,
        operation: AclOperationTypes.ANY, permissionType: AclPermissionTypes.ANY,
      });
      const present = new Set(resources.flatMap((r) => r.acls.map((a) => aclKey({ ...r, ...a }))));
      const missing = expected.filter((key) => !present.has(key));
      if (missing.length === 0) return;
      if (Date.now() > deadline) throw new Error(`${missing.length} ACL(s) for ${principal} not in force after ${timeoutMs} ms, e.g. ${missing[0]}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
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

function aclKey(acl: { resourceType: number; resourceName: string; resourcePatternType: number; operation: number; permissionType: number; host: string }): string {
  return [acl.resourceType, acl.resourcePatternType, acl.resourceName, acl.operation, acl.permissionType, acl.host].join('|');
}

/**
 * TLS and SASL from the environment (README, "Kafka with TLS and SASL"): `KAFKA_SASL_USERNAME` and
 * `KAFKA_SASL_PASSWORD` (mechanism `KAFKA_SASL_MECHANISM`, default scram-sha-512); `KAFKA_SSL=on`
 * with optional `KAFKA_SSL_CA_FILE`, and `KAFKA_SSL_CERT_FILE`/`KAFKA_SSL_KEY_FILE` for mutual TLS.
 */
export function kafkaSecurityFromEnv(env: NodeJS.ProcessEnv = process.env): Pick<KafkaConfig, 'ssl' | 'sasl'> {
  const out: Pick<KafkaConfig, 'ssl' | 'sasl'> = {};
  if (env.KAFKA_SSL === 'on') {
    const file = (name: string | undefined) => (name ? readFileSync(name, 'utf8') : undefined);
    out.ssl = { rejectUnauthorized: true, ca: file(env.KAFKA_SSL_CA_FILE), cert: file(env.KAFKA_SSL_CERT_FILE), key: file(env.KAFKA_SSL_KEY_FILE) };
  }
  if (env.KAFKA_SASL_USERNAME) {
    const mechanism = (env.KAFKA_SASL_MECHANISM ?? 'scram-sha-512').toLowerCase();
    if (mechanism !== 'scram-sha-512' && mechanism !== 'scram-sha-256' && mechanism !== 'plain') {
      throw new Error(`KAFKA_SASL_MECHANISM must be scram-sha-512, scram-sha-256 or plain, not ${mechanism}`);
    }
    out.sasl = { mechanism, username: env.KAFKA_SASL_USERNAME, password: env.KAFKA_SASL_PASSWORD ?? '' } as KafkaConfig['sasl'];
  }
  return out;
}

export function createKafkaBus(config: BusConfig): MessageBus {
  const names = new TopicNames(config.topicPrefix ?? process.env.KAFKA_TOPIC_PREFIX ?? '');
  const kafka = new Kafka({
    clientId: config.clientId,
    brokers: config.brokers,
    ...((config.security as Pick<KafkaConfig, 'ssl' | 'sasl'> | undefined) ?? kafkaSecurityFromEnv()),
    logLevel: logLevel.NOTHING,
    retry: { retries: 8, initialRetryTime: 100, maxRetryTime: 3000 },
  });
  // gzip is the codec kafkajs carries itself; whether a send uses it, compression.ts decides.
  const compression = compressionSettingFrom();
  return {
    async producer(): Promise<BusProducer> {
      const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
      await producer.connect();
      return {
        async send(batches) {
          const bytes = batches.reduce((sum, b) => sum + b.messages.reduce((n, m) => n + m.value.length, 0), 0);
          await producer.sendBatch({ acks: -1, compression: gzipsSend(compression, bytes) ? CompressionTypes.GZIP : CompressionTypes.None, topicMessages: batches.map((b) => ({ ...b, topic: names.physical(b.topic) })) });
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
