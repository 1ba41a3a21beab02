import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@tilbudsnet/auth';
import { PricingSpecialMeasure, SpecialMeasureRequest, type PricedPlacementView } from './pricing-special-measure';

/** Særforanstaltning over HTTP. */
@ApiTags('tariffs')
@ApiBearerAuth()
@Controller()
export class PriceSpecialMeasureController {
  constructor(private readonly pricing: PricingSpecialMeasure) {}

  /** Særforanstaltning: the operator prices an individual add-on for one placement. */
  @ApiOperation({ summary: "Price a special measure for one placement (særforanstaltning)", description: "The offer's operator prices an individual add-on per day, billed on its own line. A code, never a description of the citizen." })
  @Post('placements/:placementId/special-measures')
  @HttpCode(201)
  @Roles('offer-manager')
  addSpecialMeasure(@Param('placementId', new ParseUUIDPipe()) placementId: string, @Body() body: SpecialMeasureRequest, @CurrentPrincipal() principal: Principal) {
    return this.pricing.add(placementId, body, principal);
  }

  @ApiOperation({ summary: "List an offer's placements with their special measures", description: "For the offer's operator (and operations): each placement's dates, paying and acting municipality, packages and special measures (særforanstaltninger), amounts in kroner. No citizen data." })
  @Get('offers/:offerId/placements')
  @Roles('offer-manager', 'admin')
  placements(@Param('offerId', new ParseUUIDPipe()) offerId: string, @CurrentPrincipal() principal: Principal): Promise<{ items: PricedPlacementView[] }> {
    return this.pricing.placementsOf(offerId, principal);
  }
}
