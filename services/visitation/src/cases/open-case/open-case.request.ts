import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MUNICIPALITY_CODES, PARAGRAPHS, REGION_CODES, TARGET_GROUP_IDS } from '@tilbudsnet/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, IsString, MaxLength, Min, MinLength, ValidateNested, registerDecorator,
} from 'class-validator';
import { RequestPlacementRequest } from '../../placements/request-placement/request-placement.request';
import { isValidCpr } from '../domain/cpr';

/** CPR rule as a validator; its message never repeats the number. */
function IsCpr(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isCpr',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: 'cpr must be 10 digits whose first six are a real date (DDMMYY)' },
      validator: { validate: (value: unknown) => typeof value === 'string' && isValidCpr(value) },
    });
}

export class NeedsAssessmentRequest {
  @ApiProperty({ example: ['autism'] }) @IsArray() @ArrayMinSize(1) @IsIn(TARGET_GROUP_IDS, { each: true }) targetGroups: string[];
  @ApiProperty({ enum: PARAGRAPHS }) @IsIn(PARAGRAPHS) paragraph: string;
  @ApiProperty({ enum: ['low', 'medium', 'high', 'very-high'] }) @IsIn(['low', 'medium', 'high', 'very-high']) supportLevel: 'low' | 'medium' | 'high' | 'very-high';
  @ApiPropertyOptional({ enum: REGION_CODES }) @IsOptional() @IsIn(REGION_CODES) preferredRegion?: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) maxDistanceKm?: number;
}

/** POST /cases: the acting municipality is the officer's own. */
export class OpenCaseRequest {
  @ApiProperty({ description: 'CPR number, 10 digits', example: '0101901234' }) @IsCpr() cpr: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) name: string;
  @ApiPropertyOptional({ description: 'betalingskommune; default the acting municipality' })
  @IsOptional() @IsIn(MUNICIPALITY_CODES) payingMunicipality?: string;
  @ApiProperty({ type: NeedsAssessmentRequest }) @ValidateNested() @Type(() => NeedsAssessmentRequest) needs: NeedsAssessmentRequest;
  @ApiPropertyOptional({ description: 'case notes; stored encrypted' }) @IsOptional() @IsString() @MaxLength(10000) notes?: string;
  @ApiPropertyOptional({
    type: RequestPlacementRequest,
    description: 'request a place at once: the case is stored only when the request is accepted for processing (no case, and no CPR number, is kept when it is refused)',
  })
  @IsOptional() @ValidateNested() @Type(() => RequestPlacementRequest) placement?: RequestPlacementRequest;
}

/** POST /cases/find-by-cpr: the number travels in the body, never in a URL that logs keep. */
export class FindCaseByCprRequest {
  @ApiProperty() @IsCpr() cpr: string;
}
