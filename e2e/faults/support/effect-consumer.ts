// A consumer process for the batch-kill fault test: the real KafkaEventTransport (batches, inbox)
// whose effect is one row per application in `effects`, so an event applied twice or lost shows
// as a row too many or too few. Prints "ready" once it consumes.
import { EventContext, KafkaEventTransport, createKafkaBus } from '@tilbudsnet/messaging';
import type { EventOf } from '@tilbudsnet/contracts';
import { DataSource } from 'typeorm';

async function main(): Promise<void> {
  const dataSource = new DataSource({ type: 'postgres', url: process.env.DATABASE_URL });
  await dataSource.initialize();
  const bus = createKafkaBus({ brokers: (process.env.KAFKA_BROKERS ?? '').split(','), clientId: 'effect-consumer' });
  const transport = new KafkaEventTransport({ bus, dataSource, consumerGroup: process.env.GROUP!, sessionTimeoutMs: 6000, logger: { info: () => undefined, warn: () => undefined } });
  transport.addHandler('CapacityChanged', async (event: EventOf<'CapacityChanged'>, ctx: EventContext) => {
    await ctx.manager.query('INSERT INTO effects (event_id, offer_id, version) VALUES ($1, $2, $3)', [event.eventId, event.aggregateId, event.aggregateVersion]);
  }, true);
  await new Promise<void>((resolve, reject) => transport.listen((error?: unknown) => (error ? reject(error) : resolve())));
  console.log('ready');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
