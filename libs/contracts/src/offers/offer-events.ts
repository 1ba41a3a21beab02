import { Type } from 'class-transformer';
import { IsIn, IsUUID, ValidateNested } from 'class-validator';
import { CapacityFigures, OfferSnapshot, ParagraphPlaces } from './offer-snapshot';

/** A new offer entered the registry. */
export class OfferRegisteredV1 {
  @ValidateNested() @Type(() => OfferSnapshot) offer: OfferSnapshot;
}

/** Any change of an offer's descriptive data or status; carries the whole new state. */
export class OfferUpdatedV1 {
  @ValidateNested() @Type(() => OfferSnapshot) offer: OfferSnapshot;
}

export const CAPACITY_CHANGE_REASONS = [
  'approved-places-changed', 'place-reserved', 'reservation-released', 'placement-started', 'placement-ended',
  'adjustment-effective',
] as const;
export type CapacityChangeReason = (typeof CAPACITY_CHANGE_REASONS)[number];

/** Approved, occupied, reserved or vacant places changed. */
export class CapacityChangedV1 {
  @IsUUID() offerId: string;
  @ValidateNested() @Type(() => CapacityFigures) capacity: CapacityFigures;
  @ValidateNested({ each: true }) @Type(() => ParagraphPlaces) paragraphs: ParagraphPlaces[];
  @IsIn(CAPACITY_CHANGE_REASONS) reason: CapacityChangeReason;
}
