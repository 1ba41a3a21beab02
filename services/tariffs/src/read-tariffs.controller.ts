import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, managesOperator, ROLES, Roles, servesRegion, type Principal } from '@tilbudsnet/auth';
import { RuleViolation } from '@tilbudsnet/contracts';
import { DataSource } from 'typeorm';
import { YEAR } from './params';
import { loadTariff, offerOf, type TariffView } from './tariff-store';

/**
 * A published tariff is a public fact every role reads. A tariff awaiting approval is still the
 * operator's budget: only its operator, the region's KKR secretariat that approves it, and
 * operations read it; competing operators and municipalities do not.
 */
@ApiTags('tariffs')
@ApiBearerAuth()
@Controller()
export class ReadTariffsController {
  constructor(private readonly dataSource: DataSource) {}

  @ApiOperation({
    summary: "Read an offer's tariff for a year",
    description: 'The tariff, its computation line by line, and warnings of packages in use that it lacks. Before approval only the operator, the approving secretariat and operations may read it.',
  })
  @Get('offers/:offerId/tariffs/:year')
  @Roles(...ROLES)
  async tariff(@Param('offerId', new ParseUUIDPipe()) offerId: string, @Param('year', YEAR) year: string, @CurrentPrincipal() principal: Principal): Promise<TariffView> {
    const manager = this.dataSource.manager;
    const tariff = await loadTariff(manager, offerId, Number(year));
    if (tariff.status !== 'published' && principal.role !== 'admin') {
      const offer = await offerOf(manager, offerId);
      const [kind, ...id] = offer.operator.split(':');
      if (!managesOperator(principal, { kind, id: id.join(':') }) && !servesRegion(principal, offer.region_code)) {
        throw new RuleViolation('year', 'budget-before-approval', `the ${year} tariff awaits approval: only its operator and the region's secretariat read it`, 403);
      }
    }
    return tariff;
  }
}
