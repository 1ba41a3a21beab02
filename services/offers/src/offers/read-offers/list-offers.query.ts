import { ApiPropertyOptional } from '@nestjs/swagger';
import { MUNICIPALITY_CODES, OFFER_STATUSES, PARAGRAPHS, REGION_CODES, TARGET_GROUP_IDS } from '@tilbudsnet/contracts';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';

/** GET /offers filters and page. */
export class ListOffersQuery {
  @ApiPropertyOptional({ enum: REGION_CODES }) @IsOptional() @IsIn(REGION_CODES) region?: string;
  @ApiPropertyOptional() @IsOptional() @IsIn(MUNICIPALITY_CODES) municipality?: string;
  @ApiPropertyOptional({ description: 'operator id (municipality code, region code or CVR)' }) @IsOptional() @IsString() operator?: string;
  @ApiPropertyOptional({ enum: TARGET_GROUP_IDS }) @IsOptional() @IsIn(TARGET_GROUP_IDS) targetGroup?: string;
  @ApiPropertyOptional({ enum: PARAGRAPHS }) @IsOptional() @IsIn(PARAGRAPHS) paragraph?: string;
  @ApiPropertyOptional({ enum: OFFER_STATUSES }) @IsOptional() @IsIn(OFFER_STATUSES) status?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 1000000, default: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1_000_000) page = 1;
  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) pageSize = 50;
}
