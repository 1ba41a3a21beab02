import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, ROLES, Roles, type Principal } from '@tilbudsnet/auth';
import type { EventCause, OfferSnapshot } from '@tilbudsnet/contracts';
import { RequestCause } from '@tilbudsnet/platform';
import { ChangeCapacityRequest } from './change-capacity/change-capacity.request';
import { AnnounceAdjustmentRequest } from './announce-adjustment/announce-adjustment.request';
import { AnnouncingAdjustment } from './announce-adjustment/announcing-adjustment';
import { AnnounceClosureRequest } from './announce-closure/announce-closure.request';
import { AnnouncingClosure } from './announce-closure/announcing-closure';
import { ConfirmingOffer } from './confirm-offer/confirming-offer';
import { UpdatingOffer } from './update-offer/updating-offer';
import { UpdateOfferRequest } from './update-offer/update-offer.request';
import { ChangingCapacity } from './change-capacity/changing-capacity';
import { ListOffersQuery } from './read-offers/list-offers.query';
import { ReadingOffers, type OfferNoticeRule, type OfferPage } from './read-offers/reading-offers';
import { RegisterOfferRequest } from './register-offer/register-offer.request';
import { RegisteringOffer } from './register-offer/registering-offer';

@ApiTags('offers')
@ApiBearerAuth()
@Controller('offers')
export class OffersController {
  constructor(
    private readonly registering: RegisteringOffer,
    private readonly changingCapacity: ChangingCapacity,
    private readonly reading: ReadingOffers,
    private readonly updating: UpdatingOffer,
    private readonly confirming: ConfirmingOffer,
    private readonly announcingClosure: AnnouncingClosure,
    private readonly announcingAdjustment: AnnouncingAdjustment,
  ) {}

  @ApiOperation({ summary: "Register an offer (tilbud)", description: "The operator's offer manager registers an offer with its places, target groups and paragraphs; it leaves as OfferRegistered." })
  @Post()
  @HttpCode(201)
  @Roles('offer-manager')
  register(@Body() body: RegisterOfferRequest, @CurrentPrincipal() principal: Principal, @RequestCause() cause: EventCause): Promise<OfferSnapshot> {
    return this.registering.register(body, principal, cause);
  }

  /** Offers are public facts of the supply: every role reads them, everywhere. */
  @ApiOperation({ summary: "List offers", description: "Offers are public facts of the supply: every role reads them, everywhere. Paged; filters by operator, region and status." })
  @Get()
  @Roles(...ROLES)
  list(@Query() query: ListOffersQuery): Promise<OfferPage> {
    return this.reading.list(query);
  }

  @ApiOperation({ summary: "Read an offer", description: "The offer with its capacity (approved, occupied, reserved and vacant places)." })
  @Get(':id')
  @Roles(...ROLES)
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<OfferSnapshot> {
    return this.reading.get(id);
  }

  @ApiOperation({
    summary: "The notice rule for the offer's closure or reduction (varslingsregel)",
    description: "The region's months of notice and the earliest date a closure or reduction announced today may take effect.",
  })
  @Get(':id/notice-rule')
  @Roles(...ROLES)
  noticeRule(@Param('id', new ParseUUIDPipe()) id: string): Promise<OfferNoticeRule> {
    return this.reading.noticeRule(id);
  }

  @ApiOperation({ summary: "Change an offer's approved or occupied places (kapacitet)", description: "Only the offer's operator; never below what is occupied and reserved. Leaves as CapacityChanged." })
  @Patch(':id/capacity')
  @Roles('offer-manager')
  changeCapacity(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: ChangeCapacityRequest,
    @CurrentPrincipal() principal: Principal,
    @RequestCause() cause: EventCause,
  ): Promise<OfferSnapshot> {
    return this.changingCapacity.change(id, body, principal, cause);
  }

  /** Change the offer's description, or open / close it to admissions. */
  @ApiOperation({ summary: "Update an offer's description or admissions", description: "Change the description, or open or close the offer to admissions." })
  @Patch(':id')
  @Roles('offer-manager')
  update(
    @Param('id', new ParseUUIDPipe()) id: string, @Body() body: UpdateOfferRequest,
    @CurrentPrincipal() principal: Principal, @RequestCause() cause: EventCause,
  ): Promise<OfferSnapshot> {
    return this.updating.update(id, body, principal, cause);
  }

  /** The manager confirms the offer's data is current. */
  @ApiOperation({ summary: "Confirm the offer's data is current", description: "The manager vouches that places and description are up to date (last confirmed)." })
  @Post(':id/confirm')
  @HttpCode(200)
  @Roles('offer-manager')
  confirm(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal, @RequestCause() cause: EventCause): Promise<OfferSnapshot> {
    return this.confirming.confirm(id, principal, cause);
  }

  /** Lukning: takes effect on the date; the offer takes no admissions from now. */
  @ApiOperation({ summary: "Announce the offer's closure (lukning)", description: "Takes effect on a date that respects the residents' notice (at least 3 months, the first weekday of a month); no admissions from now." })
  @Post(':id/closure')
  @HttpCode(200)
  @Roles('offer-manager')
  announceClosure(
    @Param('id', new ParseUUIDPipe()) id: string, @Body() body: AnnounceClosureRequest,
    @CurrentPrincipal() principal: Principal, @RequestCause() cause: EventCause,
  ): Promise<OfferSnapshot> {
    return this.announcingClosure.announce(id, body, principal, cause);
  }

  /** Tilpasning: a reduction of approved places from a date. */
  @ApiOperation({ summary: "Announce a reduction of places (tilpasning)", description: "Fewer approved places from a date that respects the residents' notice." })
  @Post(':id/adjustment')
  @HttpCode(200)
  @Roles('offer-manager')
  announceAdjustment(
    @Param('id', new ParseUUIDPipe()) id: string, @Body() body: AnnounceAdjustmentRequest,
    @CurrentPrincipal() principal: Principal, @RequestCause() cause: EventCause,
  ): Promise<OfferSnapshot> {
    return this.announcingAdjustment.announce(id, body, principal, cause);
  }
}
