import type { INestApplication } from '@nestjs/common';
import { createServiceApp, runService } from '@tilbudsnet/platform';
import { AppModule } from './app.module';

export function createNotificationsApp(): Promise<INestApplication> {
  return createServiceApp(AppModule, {
    service: 'notifications', title: 'Tilbudsnet notifications', description: 'Subscriptions, early warnings, supply-obligation monitor, delivery' });
}

if (require.main === module) runService('notifications', () => createNotificationsApp());
