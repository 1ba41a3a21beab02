import { SingleServices1763800000130 } from './migrations/1763800000130-single-services';
import { UnitBookingRecord } from './offers/unit-booking.entity';
import { Module } from '@nestjs/common';
import { AuthModule } from '@tilbudsnet/auth';
import { MessagingModule } from '@tilbudsnet/messaging';
import { DatabaseModule, HealthController, HttpMetrics, MetricsController, OperationsController } from '@tilbudsnet/platform';
import { Offers1763800000100 } from './migrations/1763800000100-offers';
import { PlacementHolds1763800000110 } from './migrations/1763800000110-placement-holds';
import { Supervision1763800000120 } from './migrations/1763800000120-supervision';
import { OfferRecord } from './offers/offer.entity';
import { PlacementHoldRecord } from './offers/placement-hold.entity';
import { OffersModule } from './offers/offers.module';
import { ReferenceDataController } from './reference/reference-data.controller';

@Module({
  imports: [
    AuthModule,
    DatabaseModule.forService('offers', {
      entities: [OfferRecord, PlacementHoldRecord, UnitBookingRecord],
      migrations: [Offers1763800000100, PlacementHolds1763800000110, Supervision1763800000120, SingleServices1763800000130],
    }),
    MessagingModule.forService({ service: 'offers' }),
    OffersModule,
  ],
  controllers: [HealthController, MetricsController, OperationsController, ReferenceDataController],
  providers: [HttpMetrics],
})
export class AppModule {}
