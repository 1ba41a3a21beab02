import type { INestApplication } from '@nestjs/common';
import { createServiceApp, portFor } from '@tilbudsnet/platform';
import { AppModule } from './app.module';

/** The offers app, not yet listening; tests start it on a port of their own. */
export function createOffersApp(): Promise<INestApplication> {
  return createServiceApp(AppModule, {
    title: 'Tilbudsnet offers',
    description: 'Offer registry (tilbud), capacity, reservations and closures',
  });
}

if (require.main === module) {
  createOffersApp()
    .then(async (app) => {
      await app.listen(portFor('offers'), '0.0.0.0');
      console.log(JSON.stringify({ level: 'info', service: 'offers', msg: `listening on ${await app.getUrl()}` }));
    })
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
