import type { INestApplication } from '@nestjs/common';
import { connectEventConsumer, type KafkaEventTransportOptions } from '@tilbudsnet/messaging';
import { createServiceApp, loggerOf, runService } from '@tilbudsnet/platform';
import { AppModule } from './app.module';
import { lockRegionRowsFor } from './read-models/read-model-queries';

/** Consumer group of notifications' read models and notices. */
export const NOTIFICATIONS_CONSUMER_GROUP = process.env.NOTIFICATIONS_CONSUMER_GROUP ?? 'notifications';

export async function createNotificationsApp(consumer: Partial<Omit<KafkaEventTransportOptions, 'bus' | 'dataSource'>> = {}): Promise<INestApplication> {
  const app = await createServiceApp(AppModule, {
    service: 'notifications', title: 'Tilbudsnet notifications', description: 'Subscriptions, early warnings, supply-obligation monitor, delivery' });
  const transport = connectEventConsumer(app, { logger: loggerOf(app), consumerGroup: NOTIFICATIONS_CONSUMER_GROUP, ...consumer });
  // A chunk locks the region rows its capacity changes refresh up front, in one order (no deadlock
  // between partitions: offer.handlers.int-spec.ts).
  transport.addChunkPreparer(lockRegionRowsFor);
  return app;
}

if (require.main === module) runService('notifications', () => createNotificationsApp());

/** For webhook receivers (and tests): how a delivery's signature is checked. */
export { SIGNATURE_HEADER, signPayload, verifySignature } from './delivery/domain/webhook-signature';
/** The nightly supply snapshot's use case, for tests that run the job as its scheduler would. */
export { MonitoringSupply } from './supply/monitoring-supply';
