import { IsCalendarDate } from '../calendar-date';
import 'reflect-metadata';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, MaxLength, Min } from 'class-validator';
import { PARAGRAPHS, type Paragraph } from './offer-vocabulary';


/** Lukning varslet: the offer will close; it takes no new admissions from now. */
export class OfferClosureAnnouncedV1 {
  @IsUUID() offerId: string;
  @IsCalendarDate() effectiveDate: string;
  /** Placements that must move (a count, no personal data). */
  @IsInt() @Min(0) placementsAffected: number;
  @IsOptional() @IsString() @MaxLength(500) reason?: string;
}

/** Tilpasning varslet: approved places of one paragraph go down on a date. */
export class OfferAdjustmentAnnouncedV1 {
  @IsUUID() offerId: string;
  @IsCalendarDate() effectiveDate: string;
  @IsIn(PARAGRAPHS) paragraph: Paragraph;
  @IsInt() @Min(0) approvedPlaces: number;
  @IsInt() @Min(0) placementsAffected: number;
  @IsOptional() @IsString() @MaxLength(500) reason?: string;
}

/** The announced closure took effect. */
export class OfferClosedV1 {
  @IsUUID() offerId: string;
  @IsCalendarDate() closedOn: string;
}
