import { IsCalendarDate } from '@tilbudsnet/contracts';
import { ApiProperty } from '@nestjs/swagger';

/** POST /placements/:id/end. */
export class EndPlacementRequest {
  @ApiProperty({ example: '2027-05-31' }) @IsCalendarDate({ min: '2000-01-01' }) endDate: string;
}
