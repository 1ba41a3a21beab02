import { BookingHandlers } from './bookings/booking.handlers';
import { BookingsController } from './bookings/bookings.controller';
import { UnitBookings } from './bookings/unit-bookings';
import { Module } from '@nestjs/common';
import { AnnouncingAdjustment } from './announce-adjustment/announcing-adjustment';
import { AnnouncingClosure } from './announce-closure/announcing-closure';
import { ChangingCapacity } from './change-capacity/changing-capacity';
import { ConfirmingOffer } from './confirm-offer/confirming-offer';
import { HsdsExportController } from './hsds/hsds-export.controller';
import { OfferJobs } from './offer-jobs';
import { TakingEffect } from './take-effect/taking-effect';
import { UpdatingOffer } from './update-offer/updating-offer';
import { OffersController } from './offers.controller';
import { PlacementHolds } from './placements/placement-holds';
import { PlacementHandlers } from './placements/placement.handlers';
import { ReadingOffers } from './read-offers/reading-offers';
import { RegisteringOffer } from './register-offer/registering-offer';

@Module({
  controllers: [OffersController, HsdsExportController, PlacementHandlers, BookingsController, BookingHandlers],
  providers: [RegisteringOffer, ChangingCapacity, UpdatingOffer, ConfirmingOffer, AnnouncingClosure, AnnouncingAdjustment, TakingEffect, ReadingOffers, PlacementHolds, UnitBookings, OfferJobs],
})
export class OffersModule {}
