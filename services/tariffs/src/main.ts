import type { INestApplication } from '@nestjs/common';
import { connectEventConsumer, type KafkaEventTransportOptions } from '@tilbudsnet/messaging';
import { createServiceApp, loggerOf, runService } from '@tilbudsnet/platform';
import { AppModule } from './app.module';

/** Consumer group of tariffs' read models (offers and placements). */
export const TARIFFS_CONSUMER_GROUP = process.env.TARIFFS_CONSUMER_GROUP ?? 'tariffs';

export async function createTariffsApp(consumer: Partial<Omit<KafkaEventTransportOptions, 'bus' | 'dataSource'>> = {}): Promise<INestApplication> {
  const app = await createServiceApp(AppModule, {
    service: 'tariffs', title: 'Tilbudsnet tariffs', description: 'Budgets, tariffs (takster), settlement, trade' });
  connectEventConsumer(app, { logger: loggerOf(app), consumerGroup: TARIFFS_CONSUMER_GROUP, ...consumer });
  return app;
}

if (require.main === module) runService('tariffs', () => createTariffsApp());
