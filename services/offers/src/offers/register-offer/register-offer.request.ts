import { ApiProperty } from '@nestjs/swagger';
import {
  MUNICIPALITY_CODES, OPERATOR_KINDS, SERVICE_KINDS, UNIT_PERIODS, type ServiceKind, type UnitPeriod, PARAGRAPHS, SPECIALISATION_LEVELS, TARGET_GROUP_IDS, type OperatorKind, type Paragraph,
  type SpecialisationLevel,
} from '@tilbudsnet/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsLatitude, IsLongitude, IsNumber, IsOptional, IsString, Matches, Max, Min,
  MinLength, ValidateNested,
} from 'class-validator';

export class OperatorRequest {
  @ApiProperty({ enum: OPERATOR_KINDS }) @IsIn(OPERATOR_KINDS) kind: OperatorKind;
  @ApiProperty({ description: 'municipality code, region code, or CVR number', example: '0751' }) @IsString() @MinLength(1) id: string;
  @ApiProperty({ example: 'Aarhus Kommune' }) @IsString() @MinLength(1) name: string;
}

export class AddressRequest {
  @ApiProperty() @IsString() @MinLength(1) street: string;
  @ApiProperty({ example: '8210' }) @Matches(/^\d{4}$/, { message: 'postalCode must be 4 digits' }) postalCode: string;
  @ApiProperty() @IsString() @MinLength(1) city: string;
}

export class LocationRequest {
  @ApiProperty() @IsLatitude() lat: number;
  @ApiProperty() @IsLongitude() lon: number;
}

export class ParagraphPlacesRequest {
  @ApiProperty({ enum: PARAGRAPHS, description: 'SEL §' }) @IsIn(PARAGRAPHS) paragraph: Paragraph;
  @ApiProperty({ minimum: 0 }) @IsInt() @Min(0) @Max(10000) approvedPlaces: number;
}

/** Enkeltydelse: what the offer sells instead of places. */
export class UnitCapacityRequest {
  @ApiProperty({ enum: SERVICE_KINDS }) @IsIn(SERVICE_KINDS) kind: ServiceKind;
  @ApiProperty({ enum: UNIT_PERIODS, description: 'capacity counted per week or per month' }) @IsIn(UNIT_PERIODS) per: UnitPeriod;
  @ApiProperty({ minimum: 1, maximum: 100000 }) @IsInt() @Min(1) @Max(100000) unitsPerPeriod: number;
  @ApiProperty({ required: false, example: ['1082', '1083'], description: 'regions a travelling team visits (team-visit only)' })
  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(5) @Matches(/^108[1-5]$/, { each: true, message: 'each of travelRegions must be a region code 1081-1085' })
  travelRegions?: string[];
}

/** POST /offers. */
export class RegisterOfferRequest {
  @ApiProperty({ example: 'Bostedet Egebakken' }) @IsString() @MinLength(2) name: string;
  @ApiProperty({ type: OperatorRequest }) @ValidateNested() @Type(() => OperatorRequest) operator: OperatorRequest;
  @ApiProperty({ type: AddressRequest }) @ValidateNested() @Type(() => AddressRequest) address: AddressRequest;
  @ApiProperty({ example: '0751' }) @IsIn(MUNICIPALITY_CODES, { message: 'municipalityCode must be one of the 98 municipality codes' }) municipalityCode: string;
  @ApiProperty({ type: LocationRequest }) @ValidateNested() @Type(() => LocationRequest) location: LocationRequest;
  @ApiProperty({ type: [ParagraphPlacesRequest] })
  @IsArray() @ArrayMinSize(1) @ValidateNested({ each: true }) @Type(() => ParagraphPlacesRequest)
  paragraphs: ParagraphPlacesRequest[];
  @ApiProperty({ example: ['autism'] }) @IsArray() @ArrayMinSize(1) @IsIn(TARGET_GROUP_IDS, { each: true }) targetGroups: string[];
  @ApiProperty({ enum: SPECIALISATION_LEVELS }) @IsIn(SPECIALISATION_LEVELS) specialisationLevel: SpecialisationLevel;
  @ApiProperty({ description: 'rammeaftaletilbud' }) @IsBoolean() frameworkAgreement: boolean;
  @ApiProperty({ minimum: 0, maximum: 100 }) @IsNumber() @Min(0) @Max(100) budgetedOccupancyPct: number;
  @ApiProperty({ required: false }) @IsOptional() @IsBoolean() demo?: boolean;
  @ApiProperty({ required: false, type: UnitCapacityRequest, description: 'an offer without places that sells units (enkeltydelse); its paragraphs then have 0 approved places' })
  @IsOptional() @ValidateNested() @Type(() => UnitCapacityRequest) units?: UnitCapacityRequest;
}
