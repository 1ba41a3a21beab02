import { IsCalendarDate } from '@tilbudsnet/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';


/** POST /offers/:id/closure. */
export class AnnounceClosureRequest {
  @ApiProperty({ example: '2027-03-01', description: 'first weekday of a month, with the region\'s notice (default 3 months)' })
  @IsCalendarDate({ min: '2000-01-01' }) effectiveDate: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) reason?: string;
}
