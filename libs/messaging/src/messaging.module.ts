import { Inject, Injectable, Module, type DynamicModule, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { INestApplication } from '@nestjs/common';
import { ALL_TOPICS, deadLetterTopic } from '@tilbudsnet/contracts';
import { DataSource } from 'typeorm';
import { createKafkaBus } from './bus/kafka-bus';
import { brokersFromEnv, type MessageBus } from './bus/message-bus';
import { KafkaEventTransport, type KafkaEventTransportOptions } from './consumer/kafka-event-transport';
import { RethrowHandlerErrors } from './consumer/rethrow-handler-errors.filter';
import { OutboxRelay } from './outbox/outbox-relay';
import { MessagingStats } from './messaging-stats';
import { TransactionalOutbox } from './outbox/transactional-outbox';
import { ReadModelRebuilds, type ReadModelDefinition } from './replay/read-model-rebuilds';

export const MESSAGE_BUS = Symbol('MESSAGE_BUS');
const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');

export interface MessagingOptions {
  service: string;
  /** Read models an admin may rebuild by replaying their topics (GET /admin/read-models). */
  readModels?: ReadModelDefinition[];
}

/** Partitions per topic when a topic is first created (`KAFKA_PARTITIONS`, default 3). */
export function partitionsFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  return Number(env.KAFKA_PARTITIONS ?? 3);
}

/**
 * Events of one partition applied per transaction (`CONSUMER_BATCH_SIZE`, default 200). Smaller
 * chunks hold a row that a handler locks (an offer's, in offers) for a shorter time.
 */
export function consumerBatchSizeFromEnv(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const n = Number(env.CONSUMER_BATCH_SIZE);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

@Injectable()
class MessagingLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
    private readonly relay: OutboxRelay,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const admin = await this.bus.admin();
    try {
      const partitions = partitionsFromEnv();
      await admin.ensureTopics([...ALL_TOPICS, ...ALL_TOPICS.map(deadLetterTopic)].map((topic) => ({ topic, partitions })));
    } finally {
      await admin.disconnect();
    }
    if (process.env.OUTBOX_RELAY !== 'off') this.relay.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay.stop();
  }
}

/** Kafka, the outbox relay (started at bootstrap) and the transactional outbox for one service. */
@Module({})
export class MessagingModule {
  static forService(options: MessagingOptions): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
      providers: [
        { provide: MESSAGING_OPTIONS, useValue: options },
        { provide: MESSAGE_BUS, useFactory: () => createKafkaBus({ brokers: brokersFromEnv(), clientId: options.service }) },
        {
          provide: OutboxRelay,
          inject: [DataSource, MESSAGE_BUS],
          useFactory: (dataSource: DataSource, bus: MessageBus) =>
            new OutboxRelay(dataSource, bus, { service: options.service, onError: (e) => console.error(JSON.stringify({ level: 'error', msg: 'outbox relay error', error: String(e) })) }),
        },
        {
          provide: TransactionalOutbox,
          inject: [DataSource, OutboxRelay],
          useFactory: (dataSource: DataSource, relay: OutboxRelay) => new TransactionalOutbox(dataSource, relay),
        },
        MessagingLifecycle,
        MessagingStats,
        { provide: ReadModelRebuilds, inject: [DataSource], useFactory: (dataSource: DataSource) => new ReadModelRebuilds(options.readModels ?? [], dataSource) },
      ],
      exports: [MESSAGE_BUS, TransactionalOutbox, MessagingStats, ReadModelRebuilds],
    };
  }
}

function resumeRebuilds(rebuilds: ReadModelRebuilds, logger: KafkaEventTransportOptions['logger']): void {
  rebuilds.resumeUnfinished().then(
    (ended) => { for (const s of ended) logger?.warn({ readModel: s.name, state: s.state, processed: s.processed, error: s.error }, 'rebuild cut short by a stop: rebuilt again'); },
    (error: Error) => logger?.warn({ error: error.message }, 'a rebuild cut short by a stop could not start again; run it again with one replica'),
  );
}

/** Attaches the event consumer to an app; its `@EventPattern` handlers then receive events. */
export function connectEventConsumer(
  app: INestApplication,
  options: Omit<KafkaEventTransportOptions, 'bus' | 'dataSource'>,
): KafkaEventTransport {
  const stats = app.get(MessagingStats);
  const strategy = new KafkaEventTransport({
    partitions: partitionsFromEnv(),
    ...options,
    batchSize: consumerBatchSizeFromEnv() ?? options.batchSize,
    onDeadLetter: (topic, reason) => { stats.countDeadLetter(topic, reason); options.onDeadLetter?.(topic, reason); },
    onProcessed: (event, outcome) => { stats.countHandled(event.type, outcome); options.onProcessed?.(event, outcome); },
    onConsumerState: (up) => {
      if (up && !stats.consumerUp) stats.consumerRestarts++;
      stats.consumerUp = up;
      options.onConsumerState?.(up);
    },
    bus: app.get<MessageBus>(MESSAGE_BUS),
    dataSource: app.get(DataSource),
  });
  stats.consumer = { group: options.consumerGroup, topics: [] };
  const rebuilds = app.get(ReadModelRebuilds);
  rebuilds.transport = strategy;
  // Topics are known once Nest has registered the handlers, just before the transport listens.
  const listen = strategy.listen.bind(strategy);
  strategy.listen = (callback) => {
    stats.consumer = { group: options.consumerGroup, topics: strategy.subscribedTopics() };
    listen((error?: unknown) => {
      callback(error);
      // A rebuild the last process died in starts over, in the background (GET /admin/read-models shows it).
      if (!error) resumeRebuilds(rebuilds, options.logger);
    });
  };
  // Deferred, so the filter below is in place before Nest wires the handlers.
  const microservice = app.connectMicroservice({ strategy }, { inheritAppConfig: false, deferInitialization: true });
  microservice.useGlobalFilters(new RethrowHandlerErrors());
  return strategy;
}
