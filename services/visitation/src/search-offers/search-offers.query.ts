import { ApiPropertyOptional } from '@nestjs/swagger';
import { MUNICIPALITY_CODES, PARAGRAPHS, REGION_CODES, SERVICE_KINDS, SPECIALISATION_LEVELS, TARGET_GROUP_IDS } from '@tilbudsnet/contracts';

/** What an offer sells: `places` (days in a place), `units` (any single service) or one kind of single service. */
export const OFFER_KIND_FILTERS = ['places', 'units', ...SERVICE_KINDS] as const;
import { Transform, Type } from 'class-transformer';
import { SEARCH_SORTS, type SearchSort } from './domain/search-sort';
import { IsBoolean, IsIn, IsInt, IsLatitude, IsLongitude, IsNumber, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';

/** GET /offers: search the catalogue. */
export class SearchOffersQuery {
  @ApiPropertyOptional({ description: "words in the offer's or its operator's name (case-insensitive)", example: 'Egebakken' })
  @IsOptional() @IsString() @MinLength(1) @MaxLength(100) q?: string;
  @ApiPropertyOptional({ enum: TARGET_GROUP_IDS }) @IsOptional() @IsIn(TARGET_GROUP_IDS) targetGroup?: string;
  @ApiPropertyOptional({ enum: PARAGRAPHS, description: 'SEL §' }) @IsOptional() @IsIn(PARAGRAPHS) paragraph?: string;
  @ApiPropertyOptional({ enum: REGION_CODES }) @IsOptional() @IsIn(REGION_CODES) region?: string;
  @ApiPropertyOptional() @IsOptional() @IsIn(MUNICIPALITY_CODES) municipality?: string;
  @ApiPropertyOptional({ enum: SPECIALISATION_LEVELS }) @IsOptional() @IsIn(SPECIALISATION_LEVELS) specialisationLevel?: string;
  @ApiPropertyOptional({ enum: OFFER_KIND_FILTERS, description: 'places (residential and day offers), units (any single service: enkeltydelse) or one kind of single service' })
  @IsOptional() @IsIn(OFFER_KIND_FILTERS) kind?: (typeof OFFER_KIND_FILTERS)[number];
  @ApiPropertyOptional({ description: 'only offers with a vacant place now' })
  @IsOptional() @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value)) @IsBoolean()
  hasVacancy?: boolean;
  @ApiPropertyOptional({ description: 'search from this point (with lon): ranks by distance' })
  @ValidateIf((q: SearchOffersQuery) => q.lon !== undefined || q.lat !== undefined) @Type(() => Number) @IsLatitude() lat?: number;
  @ApiPropertyOptional({ description: 'search from this point (with lat)' })
  @ValidateIf((q: SearchOffersQuery) => q.lon !== undefined || q.lat !== undefined) @Type(() => Number) @IsLongitude() lon?: number;
  @ApiPropertyOptional({ description: "search from this municipality's seat (rådhusby): ranks by distance", example: '0740' })
  @IsOptional() @IsIn(MUNICIPALITY_CODES) fromMunicipality?: string;
  @ApiPropertyOptional({ description: 'search from the town of this Danish postal code: ranks by distance', example: '8600' })
  @IsOptional() @Matches(/^\d{4}$/, { message: 'fromPostalCode must be a Danish postal code of 4 digits' }) fromPostalCode?: string;
  @ApiPropertyOptional({ enum: SEARCH_SORTS, default: 'relevance', description: 'relevance (fit, vacancy, distance, price), name, day-rate (cheapest first), vacant-places (most first), distance (nearest first; needs a point) or effect (share of goals met, highest first; offers with too few measured placements last)' })
  @IsOptional() @IsIn(SEARCH_SORTS) sort?: SearchSort;
  @ApiPropertyOptional({ minimum: 0, maximum: 100, description: 'only offers where at least this percentage of measured goals is met (offers with fewer than 5 measured placements have no such figure and are left out)' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(100) minGoalsMetPct?: number;
  @ApiPropertyOptional({ description: 'only offers within this many km of the point searched from' })
  @IsOptional() @Type(() => Number) @IsNumber() @Min(1) @Max(1000) maxDistanceKm?: number;
  @ApiPropertyOptional({ description: 'only offers whose day rate for the package is at most this (kroner, e.g. "1500.00")' })
  @IsOptional() @Matches(/^\d{1,7}(\.\d{1,2})?$/, { message: 'maxDayTariff must be an amount in kroner, e.g. "1500.00"' }) maxDayTariff?: string;
  @ApiPropertyOptional({ default: 'base', description: 'ydelsespakke whose rate is compared and shown' })
  @IsOptional() @Matches(/^[a-z0-9-]{1,30}$/, { message: 'packageCode must be 1-30 lowercase letters, digits or dashes' }) packageCode?: string;
  @ApiPropertyOptional({ description: 'tariff year; default this year' }) @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2100) tariffYear?: number;
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit = 50;
  @ApiPropertyOptional({ minimum: 0, maximum: 1800, default: 0, description: 'skip this many ranked results (paging)' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(1800) offset = 0;
}
