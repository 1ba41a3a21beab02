import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsCalendarDate, SPECIALISATION_LEVELS, SUPERVISION_STATUSES, TARGET_GROUP_IDS, type SpecialisationLevel, type SupervisionStatusCode } from '@tilbudsnet/contracts';
import { Type } from 'class-transformer';
import { ArrayMinSize, IsArray, IsBoolean, IsIn, IsNumber, IsOptional, IsString, Max, Min, MinLength, ValidateNested } from 'class-validator';
import { AddressRequest, LocationRequest } from '../register-offer/register-offer.request';

/** Socialtilsynet's decision about the offer and its date (tilsynsstatus). */
export class SupervisionRequest {
  @ApiProperty({ enum: SUPERVISION_STATUSES }) @IsIn(SUPERVISION_STATUSES) status: SupervisionStatusCode;
  @ApiProperty({ example: '2026-09-15' }) @IsCalendarDate({ min: '2000-01-01' }) decidedOn: string;
}

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
  @ApiPropertyOptional({ type: SupervisionRequest, description: "socialtilsynet's latest decision, recorded by the operator" })
  @IsOptional() @ValidateNested() @Type(() => SupervisionRequest) supervision?: SupervisionRequest;
}
