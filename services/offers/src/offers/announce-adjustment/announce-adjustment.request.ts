import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PARAGRAPHS, type Paragraph } from '@tilbudsnet/contracts';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** POST /offers/:id/adjustment: a reduction of one paragraph's approved places from a date. */
export class AnnounceAdjustmentRequest {
  @ApiPropertyOptional({ enum: PARAGRAPHS }) @IsOptional() @IsIn(PARAGRAPHS) paragraph?: Paragraph;
  @ApiProperty({ minimum: 0 }) @IsInt() @Min(0) @Max(10000) approvedPlaces: number;
  @ApiProperty({ example: '2027-03-01' }) @Matches(DATE, { message: 'effectiveDate must be a date YYYY-MM-DD' }) effectiveDate: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) reason?: string;
}
