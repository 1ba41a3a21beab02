import { Module } from '@nestjs/common';
import { AuthModule } from '@tilbudsnet/auth';
import { MessagingModule } from '@tilbudsnet/messaging';
import { DatabaseModule, HealthController } from '@tilbudsnet/platform';
import { Offers1763800000100 } from './migrations/1763800000100-offers';
import { OfferRecord } from './offers/offer.entity';
import { OffersModule } from './offers/offers.module';

@Module({
  imports: [
    AuthModule,
    DatabaseModule.forService('offers', { entities: [OfferRecord], migrations: [Offers1763800000100] }),
    MessagingModule.forService({ service: 'offers' }),
    OffersModule,
  ],
  controllers: [HealthController],
})
export class AppModule {}
