import { ApiProperty } from '@nestjs/swagger';
import { PARAGRAPHS, TARGET_GROUP_IDS } from '@tilbudsnet/contracts';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';

export class DemandLine {
  @ApiProperty({ enum: TARGET_GROUP_IDS }) @IsIn(TARGET_GROUP_IDS) targetGroup: string;
  @ApiProperty({ enum: PARAGRAPHS }) @IsIn(PARAGRAPHS) paragraph: string;
  @ApiProperty({ enum: ['more', 'same', 'fewer'], description: 'more, the same or fewer places than this year' }) @IsIn(['more', 'same', 'fewer']) change: 'more' | 'same' | 'fewer';
  @ApiProperty({ minimum: 0, maximum: 10000, description: 'places the municipality expects to need' }) @IsInt() @Min(0) @Max(10000) places: number;
}

/** PUT /need/municipalities/:code/demand/:year: the municipality's expected demand for a year (replaces what it reported before). */
export class DemandReportRequest {
  @ApiProperty({ type: [DemandLine] }) @IsArray() @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => DemandLine) items: DemandLine[];
}

/** PUT /need/regions/:region/:year/report: the secretariat's own words in the report. */
export class CapacityReportTextRequest {
  @ApiProperty({ example: 'Opgørelsen viser udbud og behov for de specialiserede tilbud i regionen.' }) @IsString() @MaxLength(20000) introduction: string;
  @ApiProperty({ example: 'Der mangler pladser til borgere med autisme.' }) @IsString() @MaxLength(20000) conclusions: string;
}
