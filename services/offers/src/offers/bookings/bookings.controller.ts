import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, ROLES, Roles, type Principal } from '@tilbudsnet/auth';
import type { EventCause, OfferSnapshot } from '@tilbudsnet/contracts';
import { RequestCause } from '@tilbudsnet/platform';
import { ChangeUnitsRequest, DeliveryRequest, ListBookingsQuery } from './booking.requests';
import { UnitBookings, type BookingView, type UnitAvailability } from './unit-bookings';

@ApiTags('single services')
@ApiBearerAuth()
@Controller('offers/:offerId')
export class BookingsController {
  constructor(private readonly bookings: UnitBookings) {}

  @ApiOperation({ summary: 'Units of a single service in a period (enkeltydelser)', description: 'What the offer sells per week or month, what is booked and what is left. Public, like vacant places.' })
  @Get('units/:period')
  @Roles(...ROLES)
  availability(@Param('offerId', new ParseUUIDPipe()) offerId: string, @Param('period') period: string): Promise<UnitAvailability> {
    return this.bookings.availability(offerId, period);
  }

  @ApiOperation({ summary: "Change a single service's units per period", description: 'Only the operator; never below what a current or coming period has booked (409 with minimumUnitsPerPeriod). Leaves as OfferUpdated.' })
  @Patch('units')
  @Roles('offer-manager')
  changeUnits(
    @Param('offerId', new ParseUUIDPipe()) offerId: string, @Body() body: ChangeUnitsRequest, @CurrentPrincipal() principal: Principal, @RequestCause() cause: EventCause,
  ): Promise<OfferSnapshot> {
    return this.bookings.changeUnits(offerId, body.unitsPerPeriod, principal, cause);
  }

  @ApiOperation({ summary: "The offer's bookings of units", description: 'For the operator: each booking with its period, units booked and delivered, and paying municipality. No citizen data.' })
  @Get('bookings')
  @Roles('offer-manager')
  list(@Param('offerId', new ParseUUIDPipe()) offerId: string, @Query() query: ListBookingsQuery, @CurrentPrincipal() principal: Principal): Promise<BookingView[]> {
    return this.bookings.list(offerId, principal, query.period);
  }

  @ApiOperation({ summary: 'Record delivered units (leverede enheder)', description: 'The operator records units delivered on a day; settlement bills them at the tariff\'s unit price. Leaves as UnitsDelivered.' })
  @Post('bookings/:bookingId/deliveries')
  @HttpCode(201)
  @Roles('offer-manager')
  deliver(
    @Param('offerId', new ParseUUIDPipe()) offerId: string, @Param('bookingId', new ParseUUIDPipe()) bookingId: string, @Body() body: DeliveryRequest,
    @CurrentPrincipal() principal: Principal, @RequestCause() cause: EventCause,
  ): Promise<BookingView> {
    return this.bookings.deliver(offerId, bookingId, body, principal, cause);
  }
}
