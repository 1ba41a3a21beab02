import { Bookings1763800000700 } from './migrations/1763800000700-bookings';
import { BookingAnswerHandlers } from './bookings/booking-answer.handlers';
import { BookingRecord } from './bookings/booking.entity';
import { BookingSaga } from './bookings/booking-saga';
import { BookingsController } from './bookings/bookings.controller';
import { Topics } from '@tilbudsnet/contracts';
import { Module } from '@nestjs/common';
import { AuthModule } from '@tilbudsnet/auth';
import { MessagingModule } from '@tilbudsnet/messaging';
import { DatabaseModule, HealthController, HttpMetrics, MetricsController, OperationsController } from '@tilbudsnet/platform';
import { AuditRecord } from './audit/audit-record.entity';
import { AuditController } from './audit/audit.controller';
import { CaseRecord } from './cases/case.entity';
import { CasesController } from './cases/cases.controller';
import { KeepingCases } from './cases/keeping-cases';
import { CitizenDataCipher, cipherKeysFromEnv } from './cases/citizen-data-cipher';
import { CatalogueOfferRecord } from './catalogue/catalogue-offer.entity';
import { CatalogueHandlers } from './catalogue/catalogue.handlers';
import { Catalogue1763800000200 } from './migrations/1763800000200-catalogue';
import { CasesAndAudit1763800000300 } from './migrations/1763800000300-cases-and-audit';
import { PlacementsAndWaitlist1763800000400 } from './migrations/1763800000400-placements-and-waitlist';
import { CatalogueTariffs1763800000500 } from './migrations/1763800000500-catalogue-tariffs';
import { TariffHandlers } from './catalogue/tariff.handlers';
import { PlacementJobs } from './placements/placement-jobs';
import { PlacementRecord } from './placements/placement.entity';
import { PlacementsController } from './placements/placements.controller';
import { CancellingPlacement } from './placements/cancel-placement/cancelling-placement';
import { ChangingPackage } from './placements/change-package/changing-package';
import { ConfirmingPlacement } from './placements/confirm-placement/confirming-placement';
import { EndingPlacement } from './placements/end-placement/ending-placement';
import { GivingNotice } from './placements/give-notice/giving-notice';
import { RequestingPlacement } from './placements/request-placement/requesting-placement';
import { TimingOut } from './placements/time-out/timing-out';
import { ReservationHandlers } from './placements/reservation.handlers';
import { WaitlistEntryRecord } from './waitlist/waitlist-entry.entity';
import { Waitlist } from './waitlist/waitlist';
import { ReadingAuditLog } from './audit/reading-audit-log';
import { Worklist } from './waitlist/worklist';
import { WorklistController } from './waitlist/worklist.controller';
import { SearchOffersController } from './search-offers/search-offers.controller';
import { SearchingOffers } from './search-offers/searching-offers';
import { Progression1763800000600 } from './migrations/1763800000600-progression';
import { ProgressionController } from './progression/progression.controller';
import { SettingGoal } from './progression/set-goal/setting-goal';
import { MeasuringProgress } from './progression/measure-progress/measuring-progress';
import { ReadingProgression } from './progression/read-effect/reading-progression';

@Module({
  imports: [
    AuthModule,
    DatabaseModule.forService('visitation', {
      entities: [CatalogueOfferRecord, CaseRecord, AuditRecord, PlacementRecord, WaitlistEntryRecord, BookingRecord],
      migrations: [Catalogue1763800000200, CasesAndAudit1763800000300, PlacementsAndWaitlist1763800000400, CatalogueTariffs1763800000500, Progression1763800000600, Bookings1763800000700],
    }),
    MessagingModule.forService({
      service: 'visitation',
      readModels: [{ name: 'catalogue', topics: [Topics.offer, Topics.tariff], tables: ['catalogue_offers', 'catalogue_tariffs'] }],
    }),
  ],
  controllers: [HealthController, MetricsController, OperationsController, SearchOffersController, CatalogueHandlers, CasesController, AuditController, PlacementsController, ReservationHandlers,
    WorklistController, TariffHandlers, ProgressionController, BookingsController, BookingAnswerHandlers,
  ],
  providers: [HttpMetrics, 
    SearchingOffers,
    KeepingCases,
    RequestingPlacement, ConfirmingPlacement, CancellingPlacement, ChangingPackage, GivingNotice, EndingPlacement, TimingOut,
    PlacementJobs,
    Waitlist,
    Worklist,
    ReadingAuditLog,
    SettingGoal, MeasuringProgress, ReadingProgression, BookingSaga,
    { provide: CitizenDataCipher, useFactory: () => new CitizenDataCipher(cipherKeysFromEnv()) },
  ],
})
export class AppModule {}
