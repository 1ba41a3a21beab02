import { IsCalendarDate } from '@tilbudsnet/contracts';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';

/** POST /placements/:id/notice. */
export class GiveNoticeRequest {
  @ApiPropertyOptional({ description: 'default today' }) @IsOptional() @IsCalendarDate({ min: '2000-01-01' }) givenOn?: string;
}
