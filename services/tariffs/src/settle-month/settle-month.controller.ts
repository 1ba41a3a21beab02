import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@tilbudsnet/auth';
import type { EventCause } from '@tilbudsnet/contracts';
import { RequestCause } from '@tilbudsnet/platform';
import { MONTH } from '../params';
import type { StatementView } from '../read-statements/statement-view';
import { CloseMonthRequest, PackageDecisionsQuery } from './settle-month.requests';
import { SettlingMonth, type HeldMonthView, type MonthClosed } from './settling-month';

/** Month close and package decisions over HTTP. */
@ApiTags('tariffs')
@ApiBearerAuth()
@Controller()
export class SettleMonthController {
  constructor(private readonly settling: SettlingMonth) {}

  /** Month close (operations): one statement per paying municipality and operator; answers with a summary. */
  @ApiOperation({ summary: "Close a month (afregning)", description: "Operations: one statement per paying municipality and operator; placement months whose package the tariff lacks are held back for a decision. Once per month. Answers with counts and the total; the statements are read at GET /settlements?month=." })
  @Post('settlements/:month/close')
  @HttpCode(200)
  @Roles('admin')
  closeMonth(@Param('month', MONTH) month: string, @Body() body: CloseMonthRequest, @RequestCause() cause: EventCause): Promise<MonthClosed> {
    return this.settling.closeMonth(month, body.invoiceDate, cause);
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
    return { items: await this.settling.heldMonths(principal, query.status ?? 'held') };
  }

  /** Operations bills the held placement months that now have a priced package (supplementary statements). */
  @ApiOperation({ summary: "Bill held placement months that are now decided", description: "Operations: supplementary statements (tillægsafregning) for held months whose package now has a rate." })
  @Post('settlements/held/bill')
  @HttpCode(200)
  @Roles('admin')
  billDecided(@Body() body: CloseMonthRequest, @RequestCause() cause: EventCause): Promise<StatementView[]> {
    return this.settling.billDecidedMonths(body.invoiceDate, cause);
  }
}
