import { Module } from '@nestjs/common';
import { ChangingCapacity } from './change-capacity/change-capacity.service';
import { OffersController } from './offers.controller';
import { ReadingOffers } from './read-offers/reading-offers.service';
import { RegisteringOffer } from './register-offer/register-offer.service';

@Module({
  controllers: [OffersController],
  providers: [RegisteringOffer, ChangingCapacity, ReadingOffers],
})
export class OffersModule {}
