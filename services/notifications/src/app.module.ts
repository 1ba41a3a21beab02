import { Topics } from '@tilbudsnet/contracts';
import { Module } from '@nestjs/common';
import { AuthModule } from '@tilbudsnet/auth';
import { MessagingModule } from '@tilbudsnet/messaging';
import { DatabaseModule, HealthController, HttpMetrics, MetricsController, OperationsController } from '@tilbudsnet/platform';
import { DeliveryWorker } from './delivery/delivery-worker';
import { Mailer } from './delivery/mailer';
import { WebhookSender } from './delivery/webhook-sender';
import { EarlyWarningsController } from './early-warnings/early-warnings.controller';
import { HandlingEarlyWarnings } from './early-warnings/handling-early-warnings';
import { Notifications1763800000700 } from './migrations/1763800000700-notifications';
import { ProtectedOffers1763900000800 } from './migrations/1763900000800-protected-offers';
import { ProtectedOffersController } from './protected-offers/protected-offers.controller';
import { ProtectingOffers } from './protected-offers/protecting-offers';
import { NeedAndCapacity1763900000900 } from './migrations/1763900000900-need-and-capacity';
import { NeedAndCapacityController } from './need-and-capacity/need-and-capacity.controller';
import { PlanningCapacity } from './need-and-capacity/planning-capacity';
import { NoticeDispatcher } from './notices/notice-dispatcher';
import { OfferHandlers } from './read-models/offer.handlers';
import { PlacementHandlers } from './read-models/placement.handlers';
import { ReadingInbox } from './subscriptions/reading-inbox';
import { SubscriptionsController } from './subscriptions/subscriptions.controller';
import { Subscribing } from './subscriptions/subscribing';
import { SupplyJobs } from './supply/supply-jobs';
import { MonitoringSupply } from './supply/monitoring-supply';
import { RunningSupplyRules } from './supply/running-supply-rules';
import { SupplyController } from './supply/supply.controller';

/** Subscriptions, early warnings, the supply-obligation monitor, delivery (inbox, e-mail, webhooks). */
@Module({
  imports: [
    AuthModule,
    DatabaseModule.forService('notifications', { entities: [], migrations: [Notifications1763800000700, ProtectedOffers1763900000800, NeedAndCapacity1763900000900] }),
    MessagingModule.forService({
      service: 'notifications',
      // Notices, deliveries and warnings are not rebuilt: handlers skip them while rebuilding.
      readModels: [{
        name: 'offers-placements-waitlist-tariffs', topics: [Topics.offer, Topics.reservation, Topics.placement, Topics.waitlist, Topics.tariff],
        tables: ['n_offers', 'n_capacity_history', 'n_region_vacancy', 'n_placements', 'n_waitlist', 'n_tariffs'],
      }],
    }),
  ],
  controllers: [HealthController, MetricsController, OperationsController, SubscriptionsController, EarlyWarningsController, SupplyController, ProtectedOffersController, NeedAndCapacityController, OfferHandlers, PlacementHandlers,
  ],
  providers: [
    HttpMetrics, NoticeDispatcher, Mailer, WebhookSender, DeliveryWorker, ReadingInbox, Subscribing, HandlingEarlyWarnings, RunningSupplyRules,
    MonitoringSupply, SupplyJobs, ProtectingOffers, PlanningCapacity,
  ],
})
export class AppModule {}
