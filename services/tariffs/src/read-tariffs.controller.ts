import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, ROLES, Roles, type Principal } from '@tilbudsnet/auth';
import { DataSource } from 'typeorm';
import { YEAR } from './params';
import { readTariff, type TariffView } from './tariff-store';

/** An offer's tariff for a year, over HTTP (who may read one before approval: `readTariff`). */
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
  tariff(@Param('offerId', new ParseUUIDPipe()) offerId: string, @Param('year', YEAR) year: string, @CurrentPrincipal() principal: Principal): Promise<TariffView> {
    return readTariff(this.dataSource.manager, offerId, Number(year), principal);
  }
}
