import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** POST /offers/:id/closure. */
export class AnnounceClosureRequest {
  @ApiProperty({ example: '2027-03-01', description: 'first weekday of a month, with the region\'s notice (default 3 months)' })
  @Matches(DATE, { message: 'effectiveDate must be a date YYYY-MM-DD' }) effectiveDate: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) reason?: string;
}
