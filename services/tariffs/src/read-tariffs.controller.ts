import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ROLES, Roles } from '@tilbudsnet/auth';
import { DataSource } from 'typeorm';
import { YEAR } from './params';
import { loadTariff, type TariffView } from './tariff-store';

/** Anyone reads a published or submitted tariff with its computation and warnings. */
@ApiTags('tariffs')
@ApiBearerAuth()
@Controller()
export class ReadTariffsController {
  constructor(private readonly dataSource: DataSource) {}

  @ApiOperation({ summary: "Read an offer's tariff for a year", description: "The tariff, its computation line by line, and warnings of packages in use that it lacks." })
  @Get('offers/:offerId/tariffs/:year')
  @Roles(...ROLES)
  tariff(@Param('offerId', new ParseUUIDPipe()) offerId: string, @Param('year', YEAR) year: string): Promise<TariffView> {
    return loadTariff(this.dataSource.manager, offerId, Number(year));
  }
}
