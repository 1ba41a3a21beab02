import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsCalendarDate, type Paragraph, PARAGRAPHS } from '@tilbudsnet/contracts';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';


/** POST /offers/:id/adjustment: a reduction of one paragraph's approved places from a date. */
export class AnnounceAdjustmentRequest {
  @ApiPropertyOptional({ enum: PARAGRAPHS }) @IsOptional() @IsIn(PARAGRAPHS) paragraph?: Paragraph;
  @ApiProperty({ minimum: 0 }) @IsInt() @Min(0) @Max(10000) approvedPlaces: number;
  @ApiProperty({ example: '2027-03-01' }) @IsCalendarDate({ min: '2000-01-01' }) effectiveDate: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) reason?: string;
}
