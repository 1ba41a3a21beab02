import { Module } from '@nestjs/common';
import { AuthModule } from '@tilbudsnet/auth';
import { MessagingModule } from '@tilbudsnet/messaging';
import { DatabaseModule, HealthController } from '@tilbudsnet/platform';

/** Budgets, tariffs (takster), settlement. A shell for now: health, database, messaging; its capabilities come with its issue. */
@Module({
  imports: [
    AuthModule,
    DatabaseModule.forService('tariffs', { entities: [], migrations: [] }),
    MessagingModule.forService({ service: 'tariffs' }),
  ],
  controllers: [HealthController],
})
export class AppModule {}
