import type { INestApplication } from '@nestjs/common';
import { createServiceApp, portFor } from '@tilbudsnet/platform';
import { AppModule } from './app.module';

export function createNotificationsApp(): Promise<INestApplication> {
  return createServiceApp(AppModule, { title: 'Tilbudsnet notifications', description: 'Subscriptions, early warnings, supply-obligation monitor, delivery' });
}

if (require.main === module) {
  createNotificationsApp()
    .then(async (app) => {
      await app.listen(portFor('notifications'), '0.0.0.0');
      console.log(JSON.stringify({ level: 'info', service: 'notifications', msg: `listening on ${await app.getUrl()}` }));
    })
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
