import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@tilbudsnet/auth';
import type { EventCause } from '@tilbudsnet/contracts';
import { RequestCause } from '@tilbudsnet/platform';
import { YEAR } from '../params';
import type { TariffView } from '../tariff-store';
import { ApprovingTariff } from './approving-tariff';

/** The KKR secretariat's approval of framework-agreement tariffs over HTTP. */
@ApiTags('tariffs')
@ApiBearerAuth()
@Controller()
export class ApproveTariffController {
  constructor(private readonly approving: ApprovingTariff) {}

  /** Tariffs of the secretariat's region that wait for its approval (rammeaftaletilbud). */
  @ApiOperation({ summary: "List tariffs awaiting approval", description: "Framework-agreement tariffs (rammeaftaletilbud) of the secretariat's region, with warnings of dropped packages." })
  @Get('tariffs/awaiting-approval')
  @Roles('kkr-secretariat')
  async awaitingApproval(@CurrentPrincipal() principal: Principal): Promise<{ items: TariffView[] }> {
    const region = principal.organisation.kind === 'region' ? principal.organisation.code : '';
    return { items: await this.approving.awaitingApproval(region) };
  }

  /** The region's KKR secretariat approves a framework-agreement tariff, which publishes it. */
  @ApiOperation({ summary: "Approve a framework-agreement tariff", description: "The region's KKR secretariat approves, which publishes the tariff (TariffPublished)." })
  @Post('offers/:offerId/tariffs/:year/approve')
  @HttpCode(200)
  @Roles('kkr-secretariat')
  approve(@Param('offerId', new ParseUUIDPipe()) offerId: string, @Param('year', YEAR) year: string, @CurrentPrincipal() principal: Principal, @RequestCause() cause: EventCause): Promise<TariffView> {
    return this.approving.approve(offerId, Number(year), principal, cause);
  }
}
