import { Module } from '@nestjs/common';
import { ChangingCapacity } from './change-capacity/change-capacity.service';
import { HsdsExportController } from './hsds/hsds-export.controller';
import { OfferJobs } from './lifecycle/offer-jobs';
import { OfferLifecycle } from './lifecycle/offer-lifecycle.service';
import { OffersController } from './offers.controller';
import { PlacementHolds } from './placements/placement-holds.service';
import { PlacementHandlers } from './placements/placement.handlers';
import { ReadingOffers } from './read-offers/reading-offers.service';
import { RegisteringOffer } from './register-offer/register-offer.service';

@Module({
  controllers: [OffersController, HsdsExportController, PlacementHandlers],
  providers: [RegisteringOffer, ChangingCapacity, ReadingOffers, OfferLifecycle, PlacementHolds, OfferJobs],
})
export class OffersModule {}
