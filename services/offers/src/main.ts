import type { INestApplication } from '@nestjs/common';
import { connectEventConsumer, type KafkaEventTransportOptions } from '@tilbudsnet/messaging';
import { createServiceApp, loggerOf, runService } from '@tilbudsnet/platform';
import { AppModule } from './app.module';

/** Consumer group of offers (placement events). Every instance joins it; partitions are shared out. */
export const OFFERS_CONSUMER_GROUP = process.env.OFFERS_CONSUMER_GROUP ?? 'offers';

/** The offers app with its event consumer attached, not yet listening; tests start it on a port of their own. */
/** The use case that registers an offer, for tests that set up a catalogue as data. */
export { RegisteringOffer } from './offers/register-offer/registering-offer';

export async function createOffersApp(
  consumer: Partial<Omit<KafkaEventTransportOptions, 'bus' | 'dataSource'>> = {},
): Promise<INestApplication> {
  const app = await createServiceApp(AppModule, {
    service: 'offers',
    title: 'Tilbudsnet offers',
    description: 'Offer registry (tilbud), capacity, reservations and closures',
  });
  connectEventConsumer(app, { logger: loggerOf(app), consumerGroup: OFFERS_CONSUMER_GROUP, ...consumer });
  return app;
}

if (require.main === module) runService('offers', () => createOffersApp());
