import { Topics } from '@tilbudsnet/contracts';
import { Module } from '@nestjs/common';
import { AuthModule } from '@tilbudsnet/auth';
import { MessagingModule } from '@tilbudsnet/messaging';
import { DatabaseModule, HealthController, HttpMetrics, MetricsController, OperationsController } from '@tilbudsnet/platform';
import { Tariffs1763800000500 } from './migrations/1763800000500-tariffs';
import { CarryOvers1763800000510 } from './migrations/1763800000510-carry-overs';
import { SpecialMeasures1763800000520 } from './migrations/1763800000520-special-measures';
import { PackageDecisions1763800000530 } from './migrations/1763800000530-package-decisions';
import { SpecialMeasures } from './tariffs/budgets/special-measures';
import { YearResultsService } from './tariffs/budgets/year-results.service';
import { TariffsService } from './tariffs/budgets/tariffs.service';
import { ReadModelHandlers } from './tariffs/read-models/read-model.handlers';
import { SettlementsService } from './tariffs/settlement/settlements.service';
import { TariffsController } from './tariffs/tariffs.controller';

/** Budgets, tariffs (takster), settlement and trade. */
@Module({
  imports: [
    AuthModule,
    DatabaseModule.forService('tariffs', { entities: [], migrations: [Tariffs1763800000500, CarryOvers1763800000510, SpecialMeasures1763800000520, PackageDecisions1763800000530] }),
    MessagingModule.forService({
      service: 'tariffs',
      readModels: [{ name: 'offers-and-placements', topics: [Topics.offer, Topics.placement], tables: ['tariff_offers', 'tariff_placements'] }],
    }),
  ],
  controllers: [HealthController, MetricsController, OperationsController, TariffsController, ReadModelHandlers],
  providers: [HttpMetrics, TariffsService, SettlementsService, YearResultsService, SpecialMeasures],
})
export class AppModule {}
