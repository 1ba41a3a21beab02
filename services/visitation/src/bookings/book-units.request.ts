import { ApiProperty } from '@nestjs/swagger';
import { PERIOD } from '@tilbudsnet/contracts';
import { IsInt, IsUUID, Matches, Max, Min } from 'class-validator';

/** POST /cases/:id/bookings: units of a single service (enkeltydelse) for the case's citizen. */
export class BookUnitsRequest {
  @ApiProperty() @IsUUID() offerId: string;
  @ApiProperty({ example: '2026-12', description: 'the period the units are for: a month (2026-12) or an ISO week (2026-W50), as the offer counts' })
  @Matches(PERIOD, { message: 'period must be a month like 2026-12 or an ISO week like 2026-W50' }) period: string;
  @ApiProperty({ minimum: 1, maximum: 10000 }) @IsInt() @Min(1) @Max(10000) units: number;
}
