import type { KafkaGrant } from '../access/kafka-access';

/**
 * What the rest of the code knows of the broker. Only `kafka-bus.ts` implements it, so another
 * Kafka client is a change of that one file.
 */
export type MessageHeaders = Record<string, string>;

export interface OutgoingMessage {
  key: string;
  value: string;
  headers?: MessageHeaders;
}

export interface IncomingMessage {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  /** Raw value as text; null for a tombstone. */
  value: string | null;
  headers: MessageHeaders;
  timestamp: string;
}

export interface TopicSpec {
  topic: string;
  partitions: number;
}

export interface BusProducer {
  /** Resolves once the broker acknowledged every message (acks from all in-sync replicas). */
  send(batches: { topic: string; messages: OutgoingMessage[] }[]): Promise<void>;
  disconnect(): Promise<void>;
}

export interface ConsumerOptions {
  groupId: string;
  /** Short timeouts keep tests out of long rebalances; services use the defaults. */
  sessionTimeoutMs?: number;
  heartbeatIntervalMs?: number;
  /** Partitions worked on at once; order within a partition is always kept. */
  partitionsConcurrently?: number;
  /** Most bytes fetched per partition at a time (kafkajs' default 1 MiB); a rebuild takes more. */
  maxBytesPerPartition?: number;
}

export interface BusConsumer {
  /** Subscribes and resolves once this consumer has joined its group and has partitions assigned. */
  start(topics: string[], fromBeginning: boolean, onMessage: (message: IncomingMessage) => Promise<void>): Promise<void>;
  /**
   * As `start`, but hands over what the broker fetched for one partition at a time, in offset
   * order. `done(offset)` marks everything up to that offset handled (committed soon after); what
   * is not marked when the process dies is delivered again.
   */
  startBatches(topics: string[], fromBeginning: boolean, onBatch: (messages: IncomingMessage[], done: (offset: string) => Promise<void>) => Promise<void>): Promise<void>;
  stop(): Promise<void>;
  /**
   * Told once when the consumer stops for good without `stop()` being called (the client gave up
   * after a crash). Whoever owns the consumer then starts a new one; until then it is not ready.
   */
  onCrash(listener: (error: Error) => void): void;
}

export interface PartitionLag {
  topic: string;
  partition: number;
  lag: number;
}

export interface BusAdmin {
  /** Creates the topics that are missing; existing ones are left alone. */
  ensureTopics(topics: TopicSpec[]): Promise<void>;
  listTopics(): Promise<string[]>;
  /** Messages a group has yet to read, per partition. */
  consumerLag(groupId: string, topics: string[]): Promise<PartitionLag[]>;
  /** Per partition: the first offset still kept and the offset the next message will get. */
  offsets(topic: string): Promise<{ partition: number; low: number; high: number }[]>;
  /** How many consumers are members of the group now. */
  groupMembers(groupId: string): Promise<number>;
  /** Commits, for a group with no members, the end of a topic: the group then reads only what comes next. */
  moveGroupToEnd(groupId: string, topic: string): Promise<void>;
  /** Adds allow rules for a principal (needs an admin principal; see access/kafka-access.ts). */
  grant(principal: string, grants: KafkaGrant[]): Promise<void>;
  /** Can we talk to the cluster right now? */
  ping(): Promise<boolean>;
  disconnect(): Promise<void>;
}

export interface MessageBus {
  producer(): Promise<BusProducer>;
  consumer(options: ConsumerOptions): BusConsumer;
  admin(): Promise<BusAdmin>;
}

export interface BusConfig {
  brokers: string[];
  clientId: string;
  /**
   * Put before every topic name on the broker (`KAFKA_TOPIC_PREFIX`, default none), so several
   * systems can share one broker; the code only ever sees the logical names.
   */
  topicPrefix?: string;
  /** TLS/SASL for this client; default from the environment (`kafkaSecurityFromEnv`). */
  security?: { sasl?: { mechanism: 'scram-sha-512' | 'scram-sha-256' | 'plain'; username: string; password: string }; ssl?: unknown };
}

/** Broker list from `KAFKA_BROKERS` (comma-separated), default 127.0.0.1:9092. */
export function brokersFromEnv(env: NodeJS.ProcessEnv = process.env): string[] {
  return (env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',').map((b) => b.trim()).filter(Boolean);
}
