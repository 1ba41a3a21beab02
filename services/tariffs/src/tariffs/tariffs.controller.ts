import { Body, Controller, Get, Header, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, ROLES, Roles, type Principal } from '@tilbudsnet/auth';
import type { EventCause } from '@tilbudsnet/contracts';
import { paramMatching, RequestCause } from '@tilbudsnet/platform';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { BudgetRequest } from './budgets/budget.request';
import { TariffsService, type TariffView } from './budgets/tariffs.service';
import { YearResultsService, type YearResultView } from './budgets/year-results.service';
import { SpecialMeasureRequest, SpecialMeasures } from './budgets/special-measures';
import { SettlementsService, type HeldMonthView, type StatementView } from './settlement/settlements.service';

const YEAR = paramMatching('year', (v) => /^20\d{2}$/.test(v), 'a year 2000-2099');
const MONTH = paramMatching('month', (v) => /^\d{4}-(0[1-9]|1[0-2])$/.test(v), 'a month YYYY-MM');

/** POST /offers/:offerId/results/:year: the year's actual cost. */
export class YearResultRequest {
  @Matches(/^\d{1,13}(\.\d{1,2})?$/, { message: 'actualCost must be an amount in kroner as text, e.g. "10400000.00"' }) actualCost: string;
}

export class CloseMonthRequest {
  @ApiPropertyOptional({ description: 'default: the first day of the next month' })
  @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'invoiceDate must be a date YYYY-MM-DD' }) invoiceDate?: string;
}

export class PackageDecisionsQuery {
  @ApiPropertyOptional({ enum: ['held', 'billed'], description: 'default: held' })
  @IsOptional() @IsIn(['held', 'billed'], { message: 'status must be held or billed' }) status?: 'held' | 'billed';
}

@ApiTags('tariffs')
@ApiBearerAuth()
@Controller()
export class TariffsController {
  constructor(
    private readonly tariffs: TariffsService, private readonly settlements: SettlementsService, private readonly results: YearResultsService,
    private readonly specialMeasures: SpecialMeasures,
  ) {}

  /** Særforanstaltning: the operator prices an individual add-on for one placement. */
  @ApiOperation({ summary: "Price a special measure for one placement (særforanstaltning)", description: "The offer's operator prices an individual add-on per day, billed on its own line. A code, never a description of the citizen." })
  @Post('placements/:placementId/special-measures')
  @HttpCode(201)
  @Roles('offer-manager')
  addSpecialMeasure(@Param('placementId', new ParseUUIDPipe()) placementId: string, @Body() body: SpecialMeasureRequest, @CurrentPrincipal() principal: Principal) {
    return this.specialMeasures.add(placementId, body, principal);
  }

  /** Efterregulering: the year's actual cost; answers with the result and what is carried into which year. */
  @ApiOperation({ summary: "Record the year's result (efterregulering)", description: "The year's actual cost against the tariff income from the statements; up to 5 % of the cost basis goes into next year's budget, the rest two years after." })
  @Post('offers/:offerId/results/:year')
  @HttpCode(200)
  @Roles('offer-manager')
  recordResult(
    @Param('offerId', new ParseUUIDPipe()) offerId: string, @Param('year', YEAR) year: string, @Body() body: YearResultRequest, @CurrentPrincipal() principal: Principal,
  ): Promise<YearResultView> {
    return this.results.record(offerId, Number(year), body.actualCost, principal);
  }

  /** The operator's budget for a year; answers with the tariff computed line by line. */
  @ApiOperation({ summary: "Submit an offer's budget and compute its tariff (takst)", description: "Answers with the tariff computed line by line. A framework-agreement offer's tariff waits for the KKR secretariat's approval; others are published at once." })
  @Put('offers/:offerId/budgets/:year')
  @Roles('offer-manager')
  submitBudget(
    @Param('offerId', new ParseUUIDPipe()) offerId: string, @Param('year', YEAR) year: string, @Body() body: BudgetRequest,
    @CurrentPrincipal() principal: Principal, @RequestCause() cause: EventCause,
  ): Promise<TariffView> {
    return this.tariffs.submitBudget(offerId, Number(year), body, principal, cause);
  }

  /** Tariffs of the secretariat's region that wait for its approval (rammeaftaletilbud). */
  @ApiOperation({ summary: "List tariffs awaiting approval", description: "Framework-agreement tariffs (rammeaftaletilbud) of the secretariat's region, with warnings of dropped packages." })
  @Get('tariffs/awaiting-approval')
  @Roles('kkr-secretariat')
  async awaitingApproval(@CurrentPrincipal() principal: Principal): Promise<{ items: TariffView[] }> {
    const region = principal.organisation.kind === 'region' ? principal.organisation.code : '';
    return { items: await this.tariffs.awaitingApproval(region) };
  }

  @ApiOperation({ summary: "Read an offer's tariff for a year", description: "The tariff, its computation line by line, and warnings of packages in use that it lacks." })
  @Get('offers/:offerId/tariffs/:year')
  @Roles(...ROLES)
  tariff(@Param('offerId', new ParseUUIDPipe()) offerId: string, @Param('year', YEAR) year: string): Promise<TariffView> {
    return this.tariffs.get(offerId, Number(year));
  }

  /** The region's KKR secretariat approves a framework-agreement tariff, which publishes it. */
  @ApiOperation({ summary: "Approve a framework-agreement tariff", description: "The region's KKR secretariat approves, which publishes the tariff (TariffPublished)." })
  @Post('offers/:offerId/tariffs/:year/approve')
  @HttpCode(200)
  @Roles('kkr-secretariat')
  approve(@Param('offerId', new ParseUUIDPipe()) offerId: string, @Param('year', YEAR) year: string, @CurrentPrincipal() principal: Principal, @RequestCause() cause: EventCause): Promise<TariffView> {
    return this.tariffs.approve(offerId, Number(year), principal, cause);
  }

  /** Month close (operations): one statement per paying municipality and operator. */
  @ApiOperation({ summary: "Close a month (afregning)", description: "Operations: one statement per paying municipality and operator; placement months whose package the tariff lacks are held back for a decision. Once per month." })
  @Post('settlements/:month/close')
  @HttpCode(200)
  @Roles('admin')
  closeMonth(@Param('month', MONTH) month: string, @Body() body: CloseMonthRequest, @RequestCause() cause: EventCause): Promise<StatementView[]> {
    return this.settlements.closeMonth(month, body.invoiceDate, cause);
  }

  /**
   * Placement months held back at the month close because the tariff in force has no rate for the
   * placement's package: for the operator, the acting and the paying municipality. A package change
   * (visitation) or a tariff with the package ends the hold; the next close or
   * `POST /settlements/held/bill` bills them on a supplementary statement.
   */
  @ApiOperation({ summary: "List placement months held back for a package decision", description: "For the operator, the acting and the paying municipality: the tariff in force has no rate for the placement's package." })
  @Get('package-decisions')
  @Roles('visitation-officer', 'offer-manager', 'admin')
  async packageDecisions(@Query() query: PackageDecisionsQuery, @CurrentPrincipal() principal: Principal): Promise<{ items: HeldMonthView[] }> {
    return { items: await this.settlements.heldMonths(principal, query.status ?? 'held') };
  }

  /** Operations bills the held placement months that now have a priced package (supplementary statements). */
  @ApiOperation({ summary: "Bill held placement months that are now decided", description: "Operations: supplementary statements (tillægsafregning) for held months whose package now has a rate." })
  @Post('settlements/held/bill')
  @HttpCode(200)
  @Roles('admin')
  billDecided(@Body() body: CloseMonthRequest, @RequestCause() cause: EventCause): Promise<StatementView[]> {
    return this.settlements.billDecidedMonths(body.invoiceDate, cause);
  }

  /** The statements the caller may see: its municipality's bills or its operator's invoices. */
  @ApiOperation({ summary: "List the caller's statements for a month", description: "The paying municipality's bills or the operator's invoices." })
  @Get('settlements')
  @Roles('visitation-officer', 'offer-manager', 'admin')
  async statements(@Query('month', MONTH) month: string, @CurrentPrincipal() principal: Principal): Promise<{ items: StatementView[] }> {
    return { items: await this.settlements.list(month, principal) };
  }

  @ApiOperation({ summary: "Export a statement as CSV", description: "Semicolon-separated, decimal commas, with the total." })
  @Get('settlements/statements/:id/csv')
  @Roles('visitation-officer', 'offer-manager', 'admin')
  @Header('content-type', 'text/csv; charset=utf-8')
  csv(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal): Promise<string> {
    return this.settlements.csv(id, principal);
  }

  @ApiOperation({ summary: "Export a statement as Excel", description: "One row per line, amounts as numbers." })
  @Get('settlements/statements/:id/xlsx')
  @Roles('visitation-officer', 'offer-manager', 'admin')
  async xlsx(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal): Promise<StreamableFile> {
    return new StreamableFile(await this.settlements.xlsx(id, principal), {
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', disposition: `attachment; filename="afregning-${id}.xlsx"`,
    });
  }

  /** Samhandel for the secretariat's own region: buyers × sellers. */
  @ApiOperation({ summary: "Read the region's trade between municipalities (samhandel)", description: "Buyers × sellers of the region's offers: placements, days and amounts." })
  @Get('trade/:year')
  @Roles('kkr-secretariat')
  async trade(@Param('year', YEAR) year: string, @CurrentPrincipal() principal: Principal): Promise<{ region: string; items: unknown[] }> {
    const region = principal.organisation.kind === 'region' ? principal.organisation.code : '';
    return { region, items: await this.settlements.trade(region, Number(year)) };
  }
}
