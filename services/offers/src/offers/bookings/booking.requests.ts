import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsCalendarDate, PERIOD } from '@tilbudsnet/contracts';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

/** POST /offers/:offerId/bookings/:bookingId/deliveries: units delivered on one day. */
export class DeliveryRequest {
  @ApiProperty({ example: '2026-12-03', description: 'the day the units were delivered, within the booked period' }) @IsCalendarDate() deliveredOn: string;
  @ApiProperty({ minimum: 1, maximum: 10000 }) @IsInt() @Min(1) @Max(10000) units: number;
}

/** GET /offers/:offerId/bookings. */
export class ListBookingsQuery {
  @ApiPropertyOptional({ example: '2026-12', description: 'a month (2026-12) or an ISO week (2026-W50)' })
  @IsOptional() @Matches(PERIOD, { message: 'period must be a month like 2026-12 or an ISO week like 2026-W50' }) period?: string;
}

/** PATCH /offers/:offerId/units: a single service sells more or fewer units per period. */
export class ChangeUnitsRequest {
  @ApiProperty({ minimum: 1, maximum: 100000 }) @IsInt() @Min(1) @Max(100000) unitsPerPeriod: number;
}
