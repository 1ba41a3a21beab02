import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@tilbudsnet/auth';
import type { EventCause } from '@tilbudsnet/contracts';
import { RequestCause } from '@tilbudsnet/platform';
import { Purpose, PURPOSE_HEADER } from '../audit/purpose.decorator';
import { BookUnitsRequest } from './book-units.request';
import { BookingSaga, type BookingView } from './booking-saga';

@ApiTags('single services')
@ApiBearerAuth()
@ApiHeader({ name: PURPOSE_HEADER, required: true, description: 'why the case is acted on (audit log)' })
@Controller()
export class BookingsController {
  constructor(private readonly saga: BookingSaga) {}

  @ApiOperation({ summary: 'Book units of a single service (enkeltydelse)', description: "Asks offers for units in a week or month; the answer (reserved or rejected) arrives as the booking's status." })
  @Post('cases/:id/bookings')
  @HttpCode(201)
  @Roles('visitation-officer')
  book(
    @Param('id', new ParseUUIDPipe()) caseId: string, @Body() body: BookUnitsRequest,
    @CurrentPrincipal() principal: Principal, @Purpose() purpose: string, @RequestCause() cause: EventCause,
  ): Promise<BookingView> {
    return this.saga.book(caseId, body, principal, purpose, cause);
  }

  @ApiOperation({ summary: "A case's bookings of single services", description: 'Newest first, with units booked and delivered.' })
  @Get('cases/:id/bookings')
  @Roles('visitation-officer')
  ofCase(@Param('id', new ParseUUIDPipe()) caseId: string, @CurrentPrincipal() principal: Principal, @Purpose() purpose: string): Promise<BookingView[]> {
    return this.saga.ofCase(caseId, principal, purpose);
  }

  @ApiOperation({ summary: 'Read a booking', description: 'Status (requested, reserved, rejected with the reason, cancelled, timed-out, completed), units booked and delivered.' })
  @Get('bookings/:id')
  @Roles('visitation-officer')
  get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal): Promise<BookingView> {
    return this.saga.get(id, principal);
  }

  @ApiOperation({ summary: 'Withdraw a booking', description: 'Before anything is delivered; its units are free again.' })
  @Post('bookings/:id/cancel')
  @HttpCode(200)
  @Roles('visitation-officer')
  cancel(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal, @Purpose() purpose: string, @RequestCause() cause: EventCause): Promise<BookingView> {
    return this.saga.cancel(id, principal, purpose, cause);
  }
}
