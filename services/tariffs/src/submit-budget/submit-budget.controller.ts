import { Body, Controller, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@tilbudsnet/auth';
import type { EventCause } from '@tilbudsnet/contracts';
import { RequestCause } from '@tilbudsnet/platform';
import { YEAR } from '../params';
import type { TariffView } from '../tariff-store';
import { BudgetRequest } from './budget.request';
import { SubmittingBudget } from './submitting-budget';

/** Budget to tariff over HTTP. */
@ApiTags('tariffs')
@ApiBearerAuth()
@Controller()
export class SubmitBudgetController {
  constructor(private readonly submitting: SubmittingBudget) {}

  /** The operator's budget for a year; answers with the tariff computed line by line. */
  @ApiOperation({ summary: "Submit an offer's budget and compute its tariff (takst)", description: "Answers with the tariff computed line by line. A framework-agreement offer's tariff waits for the KKR secretariat's approval; others are published at once." })
  @Put('offers/:offerId/budgets/:year')
  @Roles('offer-manager')
  submitBudget(
    @Param('offerId', new ParseUUIDPipe()) offerId: string, @Param('year', YEAR) year: string, @Body() body: BudgetRequest,
    @CurrentPrincipal() principal: Principal, @RequestCause() cause: EventCause,
  ): Promise<TariffView> {
    return this.submitting.submitBudget(offerId, Number(year), body, principal, cause);
  }
}
