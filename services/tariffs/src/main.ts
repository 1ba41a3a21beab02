import type { INestApplication } from '@nestjs/common';
import { createServiceApp, runService } from '@tilbudsnet/platform';
import { AppModule } from './app.module';

export function createTariffsApp(): Promise<INestApplication> {
  return createServiceApp(AppModule, { title: 'Tilbudsnet tariffs', description: 'Budgets, tariffs (takster), settlement' });
}

if (require.main === module) runService('tariffs', () => createTariffsApp());
