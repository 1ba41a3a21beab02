import { IsCalendarDate } from '../calendar-date';
import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  ArrayMinSize, IsArray, IsBoolean, IsIn, IsISO8601, IsInt, IsLatitude, IsLongitude, IsNumber, IsOptional,
  IsString, IsUUID, Matches, Max, Min, MinLength, ValidateNested,
} from 'class-validator';
import { OFFER_STATUSES, OPERATOR_KINDS, PARAGRAPHS, SPECIALISATION_LEVELS, TARGET_GROUP_IDS } from './offer-vocabulary';
import { UnitCapacity } from './single-services';
import type { OfferStatus, OperatorKind, Paragraph, SpecialisationLevel } from './offer-vocabulary';

/** Driftsherre as events carry it. */
export class OperatorRef {
  @IsIn(OPERATOR_KINDS) kind: OperatorKind;
  /** Municipality code, region code, or `cvr:<8 digits>` for a private provider. */
  @IsString() @MinLength(1) id: string;
  @IsString() @MinLength(1) name: string;
}

export class Coordinates {
  @IsLatitude() lat: number;
  @IsLongitude() lon: number;
}

export class PostalAddress {
  @IsString() @MinLength(1) street: string;
  @Matches(/^\d{4}$/) postalCode: string;
  @IsString() @MinLength(1) city: string;
}

/** One legal basis of an offer with its own approved places (godkendte pladser). */
export class ParagraphPlaces {
  @IsIn(PARAGRAPHS) paragraph: Paragraph;
  @IsInt() @Min(0) approvedPlaces: number;
}

/** Places as derived by offers: vacant = approved - occupied - reserved, never below zero. */
export class CapacityFigures {
  @IsInt() @Min(0) approvedPlaces: number;
  @IsInt() @Min(0) occupiedPlaces: number;
  @IsInt() @Min(0) reservedPlaces: number;
  @IsInt() @Min(0) vacantPlaces: number;
}

/** The whole offer as other services may keep it (event-carried state transfer). */
/** Socialtilsynet's latest decision about the offer, as its operator recorded it. */
export const SUPERVISION_STATUSES = ['approved', 'approved-with-conditions', 'under-scrutiny'] as const;
export type SupervisionStatusCode = (typeof SUPERVISION_STATUSES)[number];

export class SupervisionStatus {
  @IsIn(SUPERVISION_STATUSES) status: SupervisionStatusCode;
  @IsCalendarDate() decidedOn: string;
}

export class OfferSnapshot {
  @IsUUID() offerId: string;
  @IsString() @MinLength(1) name: string;
  @ValidateNested() @Type(() => OperatorRef) operator: OperatorRef;
  @ValidateNested() @Type(() => PostalAddress) address: PostalAddress;
  @Matches(/^\d{4}$/) municipalityCode: string;
  @Matches(/^108[1-5]$/) regionCode: string;
  @ValidateNested() @Type(() => Coordinates) location: Coordinates;
  @IsArray() @ArrayMinSize(1) @ValidateNested({ each: true }) @Type(() => ParagraphPlaces)
  paragraphs: ParagraphPlaces[];
  @IsArray() @ArrayMinSize(1) @IsIn(TARGET_GROUP_IDS, { each: true }) targetGroups: string[];
  @IsIn(SPECIALISATION_LEVELS) specialisationLevel: SpecialisationLevel;
  /** Rammeaftaletilbud. */
  @IsBoolean() frameworkAgreement: boolean;
  /** Budgetteret belægningsprocent, 0-100. */
  @IsNumber() @Min(0) @Max(100) budgetedOccupancyPct: number;
  @IsIn(OFFER_STATUSES) status: OfferStatus;
  @IsOptional() @IsISO8601({ strict: true, strictSeparator: true }) lastConfirmedAt: string | null;
  @ValidateNested() @Type(() => CapacityFigures) capacity: CapacityFigures;
  /** Marks generated demo data, never set for real offers. */
  @IsBoolean() demo: boolean;
  /** Socialtilsyn: approved, approved with conditions or under scrutiny, from a date (absent until the operator records it). */
  @IsOptional() @ValidateNested() @Type(() => SupervisionStatus) supervision?: SupervisionStatus;
  /** Enkeltydelse: the offer sells units, not days in a place (its paragraphs then have 0 approved places). */
  @IsOptional() @ValidateNested() @Type(() => UnitCapacity) units?: UnitCapacity;
}
