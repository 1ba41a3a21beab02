import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@tilbudsnet/auth';
import { YEAR } from '../params';
import { Trade } from './trade';

/** Samhandel over HTTP. */
@ApiTags('tariffs')
@ApiBearerAuth()
@Controller()
export class TradeController {
  constructor(private readonly tradeBetween: Trade) {}

  /** Samhandel for the secretariat's own region: buyers × sellers. */
  @ApiOperation({ summary: "Read the region's trade between municipalities (samhandel)", description: "Buyers × sellers of the region's offers: placements, days and amounts." })
  @Get('trade/:year')
  @Roles('kkr-secretariat')
  async trade(@Param('year', YEAR) year: string, @CurrentPrincipal() principal: Principal): Promise<{ region: string; items: unknown[] }> {
    const region = principal.organisation.kind === 'region' ? principal.organisation.code : '';
    return { region, items: await this.tradeBetween.trade(region, Number(year)) };
  }
}
