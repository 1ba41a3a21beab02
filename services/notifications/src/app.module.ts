import { Module } from '@nestjs/common';
import { AuthModule } from '@tilbudsnet/auth';
import { MessagingModule } from '@tilbudsnet/messaging';
import { DatabaseModule, HealthController, HttpMetrics, MetricsController } from '@tilbudsnet/platform';

/** Subscriptions, early warnings, supply-obligation monitor, delivery. A shell for now: health, database, messaging; its capabilities come with its issue. */
@Module({
  imports: [
    AuthModule,
    DatabaseModule.forService('notifications', { entities: [], migrations: [] }),
    MessagingModule.forService({ service: 'notifications' }),
  ],
  controllers: [HealthController, MetricsController],
  providers: [HttpMetrics],
})
export class AppModule {}
