import { ApiPropertyOptional } from '@nestjs/swagger';
import { SPECIALISATION_LEVELS, TARGET_GROUP_IDS, type SpecialisationLevel } from '@tilbudsnet/contracts';
import { Type } from 'class-transformer';
import { ArrayMinSize, IsArray, IsBoolean, IsIn, IsNumber, IsOptional, IsString, Max, Min, MinLength, ValidateNested } from 'class-validator';
import { AddressRequest, LocationRequest } from '../register-offer/register-offer.request';

/** PATCH /offers/:id: any of these; capacity, closures and reductions have their own endpoints. */
export class UpdateOfferRequest {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(2) name?: string;
  @ApiPropertyOptional({ type: AddressRequest }) @IsOptional() @ValidateNested() @Type(() => AddressRequest) address?: AddressRequest;
  @ApiPropertyOptional({ type: LocationRequest }) @IsOptional() @ValidateNested() @Type(() => LocationRequest) location?: LocationRequest;
  @ApiPropertyOptional() @IsOptional() @IsArray() @ArrayMinSize(1) @IsIn(TARGET_GROUP_IDS, { each: true }) targetGroups?: string[];
  @ApiPropertyOptional({ enum: SPECIALISATION_LEVELS }) @IsOptional() @IsIn(SPECIALISATION_LEVELS) specialisationLevel?: SpecialisationLevel;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() frameworkAgreement?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsNumber() @Min(0) @Max(100) budgetedOccupancyPct?: number;
  @ApiPropertyOptional({ enum: ['active', 'closed-to-admissions'] }) @IsOptional() @IsIn(['active', 'closed-to-admissions']) status?: 'active' | 'closed-to-admissions';
}
