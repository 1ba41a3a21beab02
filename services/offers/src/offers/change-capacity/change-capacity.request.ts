import { ApiProperty } from '@nestjs/swagger';
import { PARAGRAPHS, type Paragraph } from '@tilbudsnet/contracts';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';

/** PATCH /offers/:id/capacity. */
export class ChangeCapacityRequest {
  @ApiProperty({ enum: PARAGRAPHS, required: false, description: 'needed when the offer has several paragraphs' })
  @IsOptional() @IsIn(PARAGRAPHS) paragraph?: Paragraph;
  @ApiProperty({ minimum: 0 }) @IsInt() @Min(0) @Max(10000) approvedPlaces: number;
}
