import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@tilbudsnet/auth';
import type { EventCause } from '@tilbudsnet/contracts';
import { RequestCause } from '@tilbudsnet/platform';
import { ProtectOfferRequest } from './protect-offer.request';
import { ProtectingOffers, type ProtectedOfferView } from './protecting-offers';

@ApiTags('supply')
@ApiBearerAuth()
@Controller('supply/protected-offers')
export class ProtectedOffersController {
  constructor(private readonly protecting: ProtectingOffers) {}

  @ApiOperation({
    summary: 'Protect an offer for a target group (styrket samarbejde)',
    description: "The secretariat of the offer's region, with the decision's date, the agreement's reference and the placements municipalities agreed to keep. A competing offer in the region, or a municipality below its share, then raises a supply risk for the secretariat and the operator.",
  })
  @Put(':offerId/:targetGroup')
  @Roles('kkr-secretariat')
  protect(
    @Param('offerId', new ParseUUIDPipe()) offerId: string, @Param('targetGroup') targetGroup: string, @Body() body: ProtectOfferRequest,
    @CurrentPrincipal() principal: Principal, @RequestCause() cause: EventCause,
  ): Promise<ProtectedOfferView> {
    return this.protecting.protect(principal, offerId, targetGroup, body, cause);
  }

  @ApiOperation({ summary: "Remove an offer's protection for a target group", description: "The secretariat of the offer's region." })
  @Delete(':offerId/:targetGroup')
  @HttpCode(204)
  @Roles('kkr-secretariat')
  unprotect(@Param('offerId', new ParseUUIDPipe()) offerId: string, @Param('targetGroup') targetGroup: string, @CurrentPrincipal() principal: Principal): Promise<void> {
    return this.protecting.unprotect(principal, offerId, targetGroup);
  }

  @ApiOperation({ summary: 'List protected offers with their occupancy trend', description: "The secretariat's region, or the operator's own offers: agreed shares beside actual placements, and 12 months of occupancy." })
  @Get()
  @Roles('kkr-secretariat', 'offer-manager')
  async list(@CurrentPrincipal() principal: Principal): Promise<{ items: ProtectedOfferView[] }> {
    return { items: await this.protecting.list(principal) };
  }
}
