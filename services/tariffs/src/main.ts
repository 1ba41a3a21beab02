import type { INestApplication } from '@nestjs/common';
import { createServiceApp, portFor } from '@tilbudsnet/platform';
import { AppModule } from './app.module';

export function createTariffsApp(): Promise<INestApplication> {
  return createServiceApp(AppModule, { title: 'Tilbudsnet tariffs', description: 'Budgets, tariffs (takster), settlement' });
}

if (require.main === module) {
  createTariffsApp()
    .then(async (app) => {
      await app.listen(portFor('tariffs'), '0.0.0.0');
      console.log(JSON.stringify({ level: 'info', service: 'tariffs', msg: `listening on ${await app.getUrl()}` }));
    })
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
