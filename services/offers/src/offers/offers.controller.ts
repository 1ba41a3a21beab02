import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, ROLES, Roles, type Principal } from '@tilbudsnet/auth';
import type { EventCause, OfferSnapshot } from '@tilbudsnet/contracts';
import { RequestCause } from '@tilbudsnet/platform';
import { ChangeCapacityRequest } from './change-capacity/change-capacity.request';
import { AnnounceAdjustmentRequest, AnnounceClosureRequest } from './lifecycle/offer-lifecycle.requests';
import { OfferLifecycle } from './lifecycle/offer-lifecycle.service';
import { UpdateOfferRequest } from './update-offer/update-offer.request';
import { ChangingCapacity } from './change-capacity/change-capacity.service';
import { ListOffersQuery } from './read-offers/list-offers.query';
import { ReadingOffers, type OfferPage } from './read-offers/reading-offers.service';
import { RegisterOfferRequest } from './register-offer/register-offer.request';
import { RegisteringOffer } from './register-offer/register-offer.service';

@ApiTags('offers')
@ApiBearerAuth()
@Controller('offers')
export class OffersController {
  constructor(
    private readonly registering: RegisteringOffer,
    private readonly changingCapacity: ChangingCapacity,
    private readonly reading: ReadingOffers,
    private readonly lifecycle: OfferLifecycle,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('offer-manager')
  register(@Body() body: RegisterOfferRequest, @CurrentPrincipal() principal: Principal, @RequestCause() cause: EventCause): Promise<OfferSnapshot> {
    return this.registering.register(body, principal, cause);
  }

  /** Offers are public facts of the supply: every role reads them, everywhere. */
  @Get()
  @Roles(...ROLES)
  list(@Query() query: ListOffersQuery): Promise<OfferPage> {
    return this.reading.list(query);
  }

  @Get(':id')
  @Roles(...ROLES)
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<OfferSnapshot> {
    return this.reading.get(id);
  }

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
  @Patch(':id')
  @Roles('offer-manager')
  update(
    @Param('id', new ParseUUIDPipe()) id: string, @Body() body: UpdateOfferRequest,
    @CurrentPrincipal() principal: Principal, @RequestCause() cause: EventCause,
  ): Promise<OfferSnapshot> {
    return this.lifecycle.update(id, body, principal, cause);
  }

  /** The manager confirms the offer's data is current. */
  @Post(':id/confirm')
  @HttpCode(200)
  @Roles('offer-manager')
  confirm(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal, @RequestCause() cause: EventCause): Promise<OfferSnapshot> {
    return this.lifecycle.confirm(id, principal, cause);
  }

  /** Lukning: takes effect on the date; the offer takes no admissions from now. */
  @Post(':id/closure')
  @HttpCode(200)
  @Roles('offer-manager')
  announceClosure(
    @Param('id', new ParseUUIDPipe()) id: string, @Body() body: AnnounceClosureRequest,
    @CurrentPrincipal() principal: Principal, @RequestCause() cause: EventCause,
  ): Promise<OfferSnapshot> {
    return this.lifecycle.announceClosure(id, body, principal, cause);
  }

  /** Tilpasning: a reduction of approved places from a date. */
  @Post(':id/adjustment')
  @HttpCode(200)
  @Roles('offer-manager')
  announceAdjustment(
    @Param('id', new ParseUUIDPipe()) id: string, @Body() body: AnnounceAdjustmentRequest,
    @CurrentPrincipal() principal: Principal, @RequestCause() cause: EventCause,
  ): Promise<OfferSnapshot> {
    return this.lifecycle.announceAdjustment(id, body, principal, cause);
  }
}
