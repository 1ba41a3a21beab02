import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@tilbudsnet/auth';
import type { EventCause } from '@tilbudsnet/contracts';
import { RequestCause } from '@tilbudsnet/platform';
import { Purpose, PURPOSE_HEADER } from '../audit/purpose.decorator';
import { CancellingPlacement } from './cancel-placement/cancelling-placement';
import { ChangePackageRequest } from './change-package/change-package.request';
import { ChangingPackage } from './change-package/changing-package';
import { ConfirmingPlacement } from './confirm-placement/confirming-placement';
import { EndPlacementRequest } from './end-placement/end-placement.request';
import { EndingPlacement } from './end-placement/ending-placement';
import { GiveNoticeRequest } from './give-notice/give-notice.request';
import { GivingNotice } from './give-notice/giving-notice';
import type { PlacementView } from './placement-store';
import { RequestPlacementRequest } from './request-placement/request-placement.request';
import { RequestingPlacement } from './request-placement/requesting-placement';

@ApiTags('placements')
@ApiBearerAuth()
@ApiHeader({ name: PURPOSE_HEADER, required: true, description: 'why the case is acted on (audit log)' })
@Controller()
export class PlacementsController {
  constructor(
    private readonly requesting: RequestingPlacement, private readonly confirming: ConfirmingPlacement, private readonly cancelling: CancellingPlacement,
    private readonly changingPackage: ChangingPackage, private readonly givingNotice: GivingNotice, private readonly ending: EndingPlacement,
  ) {}

  /** Ask offers for a place: the answer (reserved or rejected) arrives as the placement's status. */
  @ApiOperation({ summary: "Request a place in an offer (anmodning om plads)", description: "Starts the placement saga: offers answers with a reservation or a rejection, which arrives as the placement's status." })
  @Post('cases/:id/placements')
  @HttpCode(201)
  @Roles('visitation-officer')
  request(
    @Param('id', new ParseUUIDPipe()) caseId: string, @Body() body: RequestPlacementRequest,
    @CurrentPrincipal() principal: Principal, @Purpose() purpose: string, @RequestCause() cause: EventCause,
  ): Promise<PlacementView> {
    return this.requesting.request(caseId, body, principal, purpose, cause);
  }

  @ApiOperation({ summary: "Read a placement (anbringelse)", description: "The placement's status and contract: start date, offer, package, paying municipality, notice, review date." })
  @Get('placements/:id')
  @Roles('visitation-officer')
  get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal): Promise<PlacementView> {
    return this.requesting.get(id, principal);
  }

  @ApiOperation({ summary: "Confirm a reserved place", description: "The placement starts; the case leaves the waiting list." })
  @Post('placements/:id/confirm')
  @HttpCode(200)
  @Roles('visitation-officer')
  confirm(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal, @Purpose() purpose: string, @RequestCause() cause: EventCause): Promise<PlacementView> {
    return this.confirming.confirm(id, principal, purpose, cause);
  }

  @ApiOperation({ summary: "Cancel a placement request", description: "Withdraws a request or reservation before it starts; a held place is released." })
  @Post('placements/:id/cancel')
  @HttpCode(200)
  @Roles('visitation-officer')
  cancel(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal, @Purpose() purpose: string, @RequestCause() cause: EventCause): Promise<PlacementView> {
    return this.cancelling.cancel(id, principal, purpose, cause);
  }

  @ApiOperation({ summary: "Change the placement's package (ydelsespakke)", description: "From an effective date; billing follows the package in force on each day." })
  @Post('placements/:id/package')
  @HttpCode(200)
  @Roles('visitation-officer')
  changePackage(
    @Param('id', new ParseUUIDPipe()) id: string, @Body() body: ChangePackageRequest,
    @CurrentPrincipal() principal: Principal, @Purpose() purpose: string, @RequestCause() cause: EventCause,
  ): Promise<PlacementView> {
    return this.changingPackage.change(id, body, principal, purpose, cause);
  }

  /** Opsigelse: the end date follows the region's rule (default 1 month, to the end of a month). */
  @ApiOperation({ summary: "Give notice to end a placement (opsigelse)", description: "The end date follows the region's rule (default 1 month, to the end of a month)." })
  @Post('placements/:id/notice')
  @HttpCode(200)
  @Roles('visitation-officer')
  giveNotice(
    @Param('id', new ParseUUIDPipe()) id: string, @Body() body: GiveNoticeRequest,
    @CurrentPrincipal() principal: Principal, @Purpose() purpose: string, @RequestCause() cause: EventCause,
  ): Promise<PlacementView> {
    return this.givingNotice.giveNotice(id, body.givenOn ?? new Date().toISOString().slice(0, 10), principal, purpose, cause);
  }

  @ApiOperation({ summary: "End a placement (fraflytning)", description: "The citizen moves out on the end date; payment stops with that day." })
  @Post('placements/:id/end')
  @HttpCode(200)
  @Roles('visitation-officer')
  end(
    @Param('id', new ParseUUIDPipe()) id: string, @Body() body: EndPlacementRequest,
    @CurrentPrincipal() principal: Principal, @Purpose() purpose: string, @RequestCause() cause: EventCause,
  ): Promise<PlacementView> {
    return this.ending.end(id, body.endDate, principal, purpose, cause);
  }
}
