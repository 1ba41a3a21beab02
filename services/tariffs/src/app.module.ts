import { Topics } from '@tilbudsnet/contracts';
import { Module } from '@nestjs/common';
import { AuthModule } from '@tilbudsnet/auth';
import { MessagingModule } from '@tilbudsnet/messaging';
import { DatabaseModule, HealthController, HttpMetrics, MetricsController, OperationsController } from '@tilbudsnet/platform';
import { Tariffs1763800000500 } from './migrations/1763800000500-tariffs';
import { CarryOvers1763800000510 } from './migrations/1763800000510-carry-overs';
import { SpecialMeasures1763800000520 } from './migrations/1763800000520-special-measures';
import { PackageDecisions1763800000530 } from './migrations/1763800000530-package-decisions';
import { OperatorNames1763800000540 } from './migrations/1763800000540-operator-names';
import { PlacementNeeds1763800000550 } from './migrations/1763800000550-placement-needs';
import { UnitDeliveries1763800000560 } from './migrations/1763800000560-unit-deliveries';
import { ApproveTariffController } from './approve-tariff/approve-tariff.controller';
import { ApprovingTariff } from './approve-tariff/approving-tariff';
import { PriceSpecialMeasureController } from './price-special-measure/price-special-measure.controller';
import { PricingSpecialMeasure } from './price-special-measure/pricing-special-measure';
import { ReadModelHandlers } from './read-models/read-model.handlers';
import { ReadStatementsController } from './read-statements/read-statements.controller';
import { ReadingStatements } from './read-statements/reading-statements';
import { ReadTariffsController } from './read-tariffs.controller';
import { RecordYearResultController } from './record-year-result/record-year-result.controller';
import { RecordingYearResult } from './record-year-result/recording-year-result';
import { SettleMonthController } from './settle-month/settle-month.controller';
import { SettlingMonth } from './settle-month/settling-month';
import { SubmitBudgetController } from './submit-budget/submit-budget.controller';
import { SubmittingBudget } from './submit-budget/submitting-budget';
import { ReadingSteeringData } from './steering/reading-steering-data';
import { SteeringController } from './steering/steering.controller';
import { Trade } from './trade/trade';
import { TradeController } from './trade/trade.controller';

/** Budgets, tariffs (takster), settlement and trade. */
@Module({
  imports: [
    AuthModule,
    DatabaseModule.forService('tariffs', { entities: [], migrations: [Tariffs1763800000500, CarryOvers1763800000510, SpecialMeasures1763800000520, PackageDecisions1763800000530, OperatorNames1763800000540, PlacementNeeds1763800000550, UnitDeliveries1763800000560] }),
    MessagingModule.forService({
      service: 'tariffs',
      readModels: [{ name: 'offers-and-placements', topics: [Topics.offer, Topics.placement], tables: ['tariff_offers', 'tariff_placements', 'placement_needs'] }],
    }),
  ],
  controllers: [
    HealthController, MetricsController, OperationsController, ReadModelHandlers, SubmitBudgetController, ApproveTariffController, ReadTariffsController,
    RecordYearResultController, PriceSpecialMeasureController, SettleMonthController, ReadStatementsController, TradeController, SteeringController,
  ],
  providers: [HttpMetrics, SubmittingBudget, ApprovingTariff, RecordingYearResult, PricingSpecialMeasure, SettlingMonth, ReadingStatements, Trade, ReadingSteeringData],
})
export class AppModule {}
