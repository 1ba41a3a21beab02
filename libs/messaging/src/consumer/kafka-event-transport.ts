import { Logger } from '@nestjs/common';
import { Server, type CustomTransportStrategy } from '@nestjs/microservices';
import { deadLetterTopic, isEventType, topicOf, type TilbudsnetEvent } from '@tilbudsnet/contracts';
import { lastValueFrom } from 'rxjs';
import type { DataSource, EntityManager } from 'typeorm';
import type { BusConsumer, BusProducer, IncomingMessage, MessageBus } from '../bus/message-bus';
import { applyOnce } from '../inbox/apply-once';
import { deadLetterFor } from './dead-letter';
import { readToEnd, type ReadProgress } from '../replay/read-to-end';
import { withConsumerSpan } from '../trace-context';
import { EventContext } from './event-context';
import { readEvent } from './read-event';
import { backoffDelayMs, isTransientInfrastructureError, PermanentHandlerError } from './retry-policy';

/** Structured logging as pino does it: an object of fields, then the message. */
export interface EventLogger {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
}

const nestLogger = new Logger('KafkaEventTransport');
const FALLBACK_LOGGER: EventLogger = {
  info: (fields, message) => nestLogger.log(`${message} ${JSON.stringify(fields)}`),
  warn: (fields, message) => nestLogger.warn(`${message} ${JSON.stringify(fields)}`),
};

export interface KafkaEventTransportOptions {
  /** The service's logger; every line carries the event's correlation id. */
  logger?: EventLogger;
  bus: MessageBus;
  dataSource: DataSource;
  consumerGroup: string;
  /** A new group reads each topic from the start, so read models build from history. */
  fromBeginning?: boolean;
  /** Tries of a failing handler before the message is dead-lettered. */
  maxAttempts?: number;
  retryBaseMs?: number;
  retryMaxMs?: number;
  sessionTimeoutMs?: number;
  partitions?: number;
  /** Events applied in one transaction (default 200); a failing one is isolated by applying the rest one by one. */
  batchSize?: number;
  /** The same while rebuilding a read model (default 5000). */
  rebuildBatchSize?: number;
  /** Told of every dead letter, e.g. for metrics. */
  onDeadLetter?: (topic: string, reason: string) => void;
  /** Told of every message handled or skipped, e.g. for metrics and tests. */
  onProcessed?: (event: TilbudsnetEvent, outcome: 'applied' | 'duplicate' | 'ignored') => void;
  /** Told when the consumer goes down by itself (false) and when it runs again (true): readiness. */
  onConsumerState?: (up: boolean) => void;
}

/** Applies a run of events in one go (one read, one write), inside the chunk's transaction. */
export type BulkApply = (events: TilbudsnetEvent[], manager: EntityManager) => Promise<unknown>;

/** Runs in a chunk's transaction before its handlers, with the events the chunk will apply (see addChunkPreparer). */
export type ChunkPreparer = (events: readonly TilbudsnetEvent[], manager: EntityManager) => Promise<unknown>;

/**
 * A NestJS transport on the message bus so handlers read as `@EventPattern('CapacityChanged')`,
 * with the guarantees Nest's own Kafka server lacks:
 * - every message is validated against `@tilbudsnet/contracts`; an invalid one is dead-lettered,
 *   and so is a valid one whose type or producer does not belong on the topic it came from;
 * - handlers run in the same transaction as their inbox rows, a chunk of a partition's events per
 *   transaction (at most one effect per event id; see processBatch);
 * - a failing handler is retried with backoff, then dead-lettered: the partition moves on;
 * - infrastructure errors (database down) are retried until they pass, so nothing valid is lost;
 * - a pattern that names no known event type fails at start-up instead of silently never matching.
 */
export class KafkaEventTransport extends Server implements CustomTransportStrategy {
  private consumer: BusConsumer | null = null;
  private rebuildBulk: { types: Set<string>; apply: BulkApply } | null = null;
  private chunkPreparer: ChunkPreparer | null = null;
  /** Nest's own lookup normalises the pattern on every call; types are plain strings, so remember them. */
  private readonly handlers = new Map<string, ReturnType<Server['getHandlerByPattern']>>();
  private dlqProducer: BusProducer | null = null;
  private closing = false;
  private readonly events: EventLogger;

  constructor(private readonly options: KafkaEventTransportOptions) {
    super();
    this.events = options.logger ?? FALLBACK_LOGGER;
  }

  listen(callback: (error?: unknown) => void): void {
    this.start().then(() => callback(), (error) => callback(error));
  }

  async close(): Promise<void> {
    this.closing = true;
    await this.consumer?.stop();
    await this.dlqProducer?.disconnect().catch(() => undefined);
    this.consumer = null;
    this.dlqProducer = null;
  }

  on(): void {
    // No transport events to subscribe to.
  }

  unwrap<T>(): T {
    return this.consumer as T;
  }

  /**
   * While a read model is rebuilt, consecutive events of these types in a chunk are applied by
   * `apply` at once (set operations: only the last version of an aggregate matters to a read
   * model) instead of by their handlers one by one. Live consumption always uses the handlers,
   * which may do more than keep the read model (offer a vacant place to the waiting list).
   * `apply` must be version-guarded (an event at or below the row's version changes nothing): a
   * rebuild writes no inbox rows for these types, so the versions alone keep a repeat from counting.
   */
  addRebuildBulkApply(types: readonly string[], apply: BulkApply): void {
    this.rebuildBulk = { types: new Set(types), apply };
  }

  /**
   * Runs `prepare` in every chunk's transaction (of two events or more) before its handlers, with
   * the chunk's new events. For rows that handlers lock and other partitions' chunks share: locked
   * here up front in one order, two chunks cannot each hold a row the other waits for (a deadlock,
   * which PostgreSQL breaks only after deadlock_timeout, and the chunk is retried event by event).
   */
  addChunkPreparer(prepare: ChunkPreparer): void {
    this.chunkPreparer = prepare;
  }

  /** Topics this consumer reads: those carrying the event types it has handlers for. */
  subscribedTopics(): string[] {
    const patterns = [...this.messageHandlers.keys()];
    for (const pattern of patterns) {
      if (!isEventType(pattern)) {
        throw new Error(`@EventPattern('${pattern}') names no event type of @tilbudsnet/contracts`);
      }
    }
    return [...new Set(patterns.map((p) => topicOf(p as never)))];
  }

  private async start(): Promise<void> {
    const topics = this.subscribedTopics();
    if (!topics.length) return;
    const partitions = this.options.partitions ?? 3;
    const admin = await this.options.bus.admin();
    try {
      await admin.ensureTopics([...topics, ...topics.map(deadLetterTopic)].map((topic) => ({ topic, partitions })));
    } finally {
      await admin.disconnect();
    }
    this.dlqProducer = await this.options.bus.producer();
    await this.startConsumer();
  }

  private async startConsumer(): Promise<void> {
    const topics = this.subscribedTopics();
    const partitions = this.options.partitions ?? 3;
    this.consumer = this.options.bus.consumer({
      groupId: this.options.consumerGroup,
      sessionTimeoutMs: this.options.sessionTimeoutMs,
      heartbeatIntervalMs: this.options.sessionTimeoutMs ? Math.max(500, Math.floor(this.options.sessionTimeoutMs / 5)) : undefined,
      partitionsConcurrently: partitions,
    });
    const consumer = this.consumer;
    consumer.onCrash((error) => this.restartAfterCrash(consumer, error));
    await consumer.startBatches(topics, this.options.fromBeginning ?? true, (messages, done) => this.processBatch(messages, done, this.options.consumerGroup, false));
    this.options.onConsumerState?.(true);
  }

  /**
   * The client gave up (a broker gone too long, an error it will not retry): the consumer is down,
   * readiness says so, and a new one is started with backoff until it runs. Never silently dead.
   */
  private restartAfterCrash(crashed: BusConsumer, error: Error, attempt = 1): void {
    if (this.closing || this.consumer !== crashed) return;
    this.options.onConsumerState?.(false);
    const delay = backoffDelayMs(Math.min(attempt, 8), this.options.retryBaseMs ?? 500, this.options.retryMaxMs ?? 30_000);
    this.events.warn({ consumerGroup: this.options.consumerGroup, error: error.message, attempt, delayMs: delay }, 'consumer stopped; restarting');
    setTimeout(() => {
      if (this.closing || this.consumer !== crashed) return;
      crashed.stop().catch(() => undefined).then(() => this.startConsumer()).catch((e: Error) => {
        if (this.consumer) this.restartAfterCrash(this.consumer, e, attempt + 1);
      });
    }, delay).unref();
  }

  /**
   * Applies what the broker fetched for one partition in chunks of `batchSize`: each chunk is one
   * transaction (its inbox rows in one insert, then the handlers in offset order), and its offsets
   * are marked done after the commit. When anything in a chunk fails, the chunk is rolled back and
   * its events are applied one by one, so the failing one is retried and dead-lettered alone and
   * its neighbours are not held back.
   */
  async processBatch(messages: IncomingMessage[], done: (offset: string) => Promise<void>, consumerGroup: string, rebuilding: boolean): Promise<void> {
    // A rebuild holds no one up (the live consumer is paused), so it takes bigger chunks.
    const size = rebuilding ? (this.options.rebuildBatchSize ?? 5000) : (this.options.batchSize ?? 200);
    for (let i = 0; i < messages.length; i += size) {
      const chunk = messages.slice(i, i + size);
      await this.applyChunk(chunk, consumerGroup, rebuilding);
      await done(chunk[chunk.length - 1].offset);
    }
  }

  private async applyChunk(chunk: IncomingMessage[], consumerGroup: string, rebuilding: boolean): Promise<void> {
    const todo: { message: IncomingMessage; event: TilbudsnetEvent; handler: NonNullable<ReturnType<Server['getHandlerByPattern']>> }[] = [];
    for (const message of chunk) {
      const read = readEvent(message);
      if (!read.ok) {
        await this.deadLetter(message, read.reason, 0);
        continue;
      }
      const handler = this.handlerFor(read.event.type);
      if (handler) todo.push({ message, event: read.event, handler });
      else this.options.onProcessed?.(read.event, 'ignored');
    }
    if (todo.length <= 1) {
      for (const { message } of todo) await this.traced(message, () => this.handle(message, consumerGroup, rebuilding));
      return;
    }
    let outcomes: ('applied' | 'duplicate')[];
    try {
      const bulk = rebuilding ? this.rebuildBulk : null;
      outcomes = await this.options.dataSource.transaction(async (manager) => {
        // A rebuild's bulk apply is version-guarded (a repeated event changes nothing), so its
        // events need no inbox row: only an in-chunk repeat is told apart, by id, below.
        const inboxed = todo.filter((t) => !bulk?.types.has(t.event.type));
        const fresh = new Set(inboxed.length ? (await manager.query(
          `INSERT INTO messaging_inbox (consumer_group, event_id, event_type)
           SELECT $1, id, type FROM unnest($2::uuid[], $3::text[]) AS e(id, type)
           ON CONFLICT DO NOTHING RETURNING event_id::text`,
          [consumerGroup, inboxed.map((t) => t.event.eventId), inboxed.map((t) => t.event.type)],
        ) as { event_id: string }[]).map((r) => r.event_id) : []);
        for (const t of todo) if (bulk?.types.has(t.event.type)) fresh.add(t.event.eventId.toLowerCase());
        if (this.chunkPreparer) await this.chunkPreparer(todo.filter((t) => fresh.has(t.event.eventId.toLowerCase())).map((t) => t.event), manager);
        const result: ('applied' | 'duplicate')[] = [];
        let run: TilbudsnetEvent[] = [];
        const flush = async () => {
          if (run.length) await bulk!.apply(run, manager);
          run = [];
        };
        for (const { message, event, handler } of todo) {
          // An id seen before (or twice in this chunk) is a redelivery: applied once only.
          if (!fresh.delete(event.eventId.toLowerCase())) {
            result.push('duplicate');
            continue;
          }
          result.push('applied');
          if (bulk?.types.has(event.type)) {
            run.push(event);
            continue;
          }
          await flush();
          await this.traced(message, async () => {
            const outcome = await handler(event, new EventContext([event, manager, message, rebuilding]));
            await lastValueFrom(this.transformToObservable(outcome), { defaultValue: undefined });
          });
        }
        await flush();
        return result;
      });
    } catch (error) {
      if (this.closing) throw error; // leave the offsets uncommitted; the next owner retries
      for (const { message } of todo) await this.traced(message, () => this.handle(message, consumerGroup, rebuilding));
      return;
    }
    todo.forEach(({ message, event }, i) => {
      if (!rebuilding) this.events.info({ ...fieldsOf(event, message), consumerGroup, outcome: outcomes[i] }, `event ${outcomes[i]}`);
      this.options.onProcessed?.(event, outcomes[i]);
    });
  }

  private handlerFor(type: string): ReturnType<Server['getHandlerByPattern']> {
    if (!this.handlers.has(type)) this.handlers.set(type, this.getHandlerByPattern(type));
    return this.handlers.get(type) ?? null;
  }

  /** Runs `work` in a consumer span continuing the producer's trace (when tracing is on). */
  private traced<T>(message: IncomingMessage, work: () => Promise<T>): Promise<T> {
    return withConsumerSpan(`process ${message.headers['event-type'] ?? message.topic}`, message.headers, {
      'messaging.system': 'kafka', 'messaging.destination.name': message.topic, 'messaging.consumer.group.name': this.options.consumerGroup,
      'messaging.kafka.offset': message.offset,
    }, work);
  }

  /**
   * Rebuilds read models from history: stops the live consumer, lets `clear` empty the read
   * model's tables, replays `topics` from their beginning to where they end now through the same
   * handlers (`ctx.rebuilding` set, inbox under a group of its own), then resumes the live consumer
   * from its committed offsets. Version-guarded read models end as they were built the first time.
   */
  async rebuild(topics: string[], clear: (manager: EntityManager) => Promise<void>, onProgress?: (p: ReadProgress) => void): Promise<ReadProgress> {
    const group = `${this.options.consumerGroup}.rebuild`;
    await this.assertAloneInGroup();
    await this.consumer?.stop();
    this.consumer = null;
    try {
      await this.options.dataSource.transaction(async (manager) => {
        await clear(manager);
        await manager.query('DELETE FROM messaging_inbox WHERE consumer_group = $1', [group]);
      });
      const progress = await readToEnd(this.options.bus, topics, (message) => this.handle(message, group, true), {
        // kafkajs' own fetch size (1 MiB a partition): 8 MiB fetches made bigger chunks, but
        // decompressing and holding them cost more than the chunks saved (rebuild 30,200 -> 35,600
        // events/s over five alternating runs; raw kafkajs reads slower with 8 MiB fetches too).
        groupPrefix: group, onProgress, onBatch: (messages) => this.processBatch(messages, async () => undefined, group, true),
      });
      await this.options.dataSource.query('DELETE FROM messaging_inbox WHERE consumer_group = $1', [group]);
      return progress;
    } finally {
      if (!this.closing) await this.startConsumer();
    }
  }

  /**
   * Other replicas in the group would take over a paused consumer's partitions and write into the
   * emptied tables while a rebuild runs: a rebuild needs this process to be the only member.
   */
  async assertAloneInGroup(): Promise<void> {
    const admin = await this.options.bus.admin();
    try {
      const members = await admin.groupMembers(this.options.consumerGroup);
      if (members > 1) throw new OtherReplicasRunning(members);
    } finally {
      await admin.disconnect();
    }
  }

  /** Never throws for a bad message, so the partition always moves on. */
  private async handle(message: IncomingMessage, consumerGroup: string, rebuilding: boolean): Promise<void> {
    const read = readEvent(message);
    if (!read.ok) return this.deadLetter(message, read.reason, 0);
    const event = read.event;
    const handler = this.handlerFor(event.type);
    if (!handler) {
      // Another type on a topic we read for other types: deliberately not ours.
      this.options.onProcessed?.(event, 'ignored');
      return;
    }
    const maxAttempts = this.options.maxAttempts ?? 5;
    for (let attempt = 1; ; attempt++) {
      try {
        const outcome = await applyOnce(this.options.dataSource, consumerGroup, event, async (manager) => {
          const result = await handler(event, new EventContext([event, manager, message, rebuilding]));
          await lastValueFrom(this.transformToObservable(result), { defaultValue: undefined });
        });
        if (!rebuilding) this.events.info({ ...fieldsOf(event, message), consumerGroup, outcome }, `event ${outcome}`);
        this.options.onProcessed?.(event, outcome);
        return;
      } catch (error) {
        if (this.closing) throw error; // leave the offset uncommitted; the next owner retries
        const transient = isTransientInfrastructureError(error);
        if (!transient && (error instanceof PermanentHandlerError || attempt >= maxAttempts)) {
          return this.deadLetter(message, `${event.type} handler failed after ${attempt} attempt(s): ${(error as Error).message}`, attempt);
        }
        const delay = backoffDelayMs(transient ? Math.min(attempt, 6) : attempt, this.options.retryBaseMs ?? 100, this.options.retryMaxMs ?? 5000);
        this.events.warn({ ...fieldsOf(event, message), attempt, delayMs: delay, transient, error: (error as Error).message }, 'retrying event');
        await new Promise((r) => setTimeout(r, delay));
      }
    }
  }

  private async deadLetter(message: IncomingMessage, reason: string, attempts: number): Promise<void> {
    const letter = deadLetterFor(message, this.options.consumerGroup, reason, attempts);
    // If the broker refuses the dead letter this throws, and the message is read again later.
    await this.dlqProducer!.send([{ topic: letter.topic, messages: [letter.message] }]);
    this.events.warn({
      topic: message.topic, partition: message.partition, offset: message.offset, deadLetterTopic: letter.topic,
      correlationId: message.headers['correlation-id'], eventId: message.headers['event-id'], reason: reason.slice(0, 300),
    }, 'dead-lettered');
    this.options.onDeadLetter?.(message.topic, reason);
  }
}

function fieldsOf(event: TilbudsnetEvent, message: IncomingMessage): Record<string, unknown> {
  return {
    eventType: event.type, eventId: event.eventId, aggregateId: event.aggregateId, correlationId: event.correlationId, causationId: event.causationId,
    topic: message.topic, partition: message.partition, offset: message.offset,
  };
}

/** A rebuild needs the service's consumer group to itself. */
export class OtherReplicasRunning extends Error {
  constructor(readonly members: number) {
    super(`the consumer group has ${members} members; scale the service to one replica while the read model is rebuilt`);
  }
}
