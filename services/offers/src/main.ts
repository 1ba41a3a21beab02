import type { INestApplication } from '@nestjs/common';
import { connectEventConsumer, type KafkaEventTransportOptions } from '@tilbudsnet/messaging';
import { createServiceApp, loggerOf, runService } from '@tilbudsnet/platform';
import { AppModule } from './app.module';

/** Consumer group of offers (placement events). Every instance joins it; partitions are shared out. */
export const OFFERS_CONSUMER_GROUP = process.env.OFFERS_CONSUMER_GROUP ?? 'offers';

/** The use case that registers an offer, for tests that set up a catalogue as data. */
export { RegisteringOffer } from './offers/register-offer/registering-offer';
/** Offers' side of the booking saga, for tests that run its job at a given time. */
export { UnitBookings } from './offers/bookings/unit-bookings';

/** The offers app with its event consumer attached, not yet listening; tests start it on a port of their own. */
export async function createOffersApp(
  consumer: Partial<Omit<KafkaEventTransportOptions, 'bus' | 'dataSource'>> = {},
): Promise<INestApplication> {
  const app = await createServiceApp(AppModule, {
    service: 'offers',
    title: 'Tilbudsnet offers',
    description: 'Offer registry (tilbud), capacity, reservations and closures',
  });
  // One event per transaction: each placement event locks its offer's row, and a chunk would hold
  // that lock until the whole chunk commits, queueing every other partition's events for the same
  // offer behind it (bench:placement, 32 officers on 4 offers: 13.8/s with chunks of 200, 43.3/s with 1).
  connectEventConsumer(app, { logger: loggerOf(app), consumerGroup: OFFERS_CONSUMER_GROUP, batchSize: 1, ...consumer });
  return app;
}

if (require.main === module) runService('offers', () => createOffersApp());
