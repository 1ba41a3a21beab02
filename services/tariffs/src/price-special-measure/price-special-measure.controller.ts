import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@tilbudsnet/auth';
import { PricingSpecialMeasure, SpecialMeasureRequest } from './pricing-special-measure';

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
}
