import type { INestApplication } from '@nestjs/common';
import { connectEventConsumer, type KafkaEventTransportOptions } from '@tilbudsnet/messaging';
import { createServiceApp, loggerOf, runService } from '@tilbudsnet/platform';
import { AppModule } from './app.module';

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
  connectEventConsumer(app, { logger: loggerOf(app), consumerGroup: VISITATION_CONSUMER_GROUP, ...consumer });
  return app;
}

if (require.main === module) runService('visitation', () => createVisitationApp());
