import type { INestApplication } from '@nestjs/common';
import { connectEventConsumer, type KafkaEventTransportOptions } from '@tilbudsnet/messaging';
import { createServiceApp, loggerOf, runService } from '@tilbudsnet/platform';
import { AppModule } from './app.module';
import { applyOfferEventsInBulk, CATALOGUE_EVENT_TYPES } from './catalogue/catalogue-bulk';

/** The booking saga's use cases, for tests that run its job at a given time. */
export { BookingSaga } from './bookings/booking-saga';

/** Consumer group of visitation's read models (the offer catalogue). */
export const VISITATION_CONSUMER_GROUP = process.env.VISITATION_CONSUMER_GROUP ?? 'visitation';

/** The visitation app with its event consumer attached, not yet listening. */
export async function createVisitationApp(
  consumer: Partial<Omit<KafkaEventTransportOptions, 'bus' | 'dataSource'>> = {},
): Promise<INestApplication> {
  const app = await createServiceApp(AppModule, {
    service: 'visitation',
    title: 'Tilbudsnet visitation',
    description: 'Cases, offer search, placements, waiting lists',
  });
  const transport = connectEventConsumer(app, { logger: loggerOf(app), consumerGroup: VISITATION_CONSUMER_GROUP, ...consumer });
  // A rebuild applies runs of catalogue events with one read and one write (catalogue-bulk.ts).
  transport.addRebuildBulkApply(CATALOGUE_EVENT_TYPES, applyOfferEventsInBulk);
  return app;
}

if (require.main === module) runService('visitation', () => createVisitationApp());
