import { IsCalendarDate } from '../calendar-date';
import 'reflect-metadata';
import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { PARAGRAPHS, TARGET_GROUP_IDS, type Paragraph } from '../offers/offer-vocabulary';

/*
 * Placement events (visitation.placement, key: placement id). No personal data: a placement is an
 * opaque id; the citizen stays inside visitation.
 */

const MUNICIPALITY = /^\d{4}$/;

/** The officer asks for a place in an offer (anbringelse anmodet). */
export class PlacementRequestedV1 {
  @IsUUID() placementId: string;
  @IsUUID() offerId: string;
  @IsIn(PARAGRAPHS) paragraph: Paragraph;
  @IsIn(TARGET_GROUP_IDS) targetGroup: string;
  /** Handlekommune. */
  @Matches(MUNICIPALITY) actingMunicipality: string;
  /** Betalingskommune. */
  @Matches(MUNICIPALITY) payingMunicipality: string;
  @IsCalendarDate() startDate: string;
}

/** The citizen moved in: the reservation becomes an occupied place. */
export class PlacementStartedV1 {
  @IsUUID() placementId: string;
  @IsUUID() offerId: string;
  @Matches(MUNICIPALITY) actingMunicipality: string;
  @Matches(MUNICIPALITY) payingMunicipality: string;
  @IsCalendarDate() startDate: string;
  /** Ydelsespakke code, e.g. `base` or a support level. */
  @IsString() @MaxLength(50) packageCode: string;
  @IsOptional() @IsCalendarDate() reviewDate?: string;
}

/** The request was withdrawn before the citizen moved in: a held place is released. */
export class PlacementCancelledV1 {
  @IsUUID() placementId: string;
  @IsUUID() offerId: string;
  @IsIn(['withdrawn', 'rejected', 'expired', 'timed-out']) reason: 'withdrawn' | 'rejected' | 'expired' | 'timed-out';
}

/** The citizen moved out (fraflytning): the place is free again. */
export class PlacementEndedV1 {
  @IsUUID() placementId: string;
  @IsUUID() offerId: string;
  @IsCalendarDate() endDate: string;
}

/*
 * Reservation events (offers.reservation, key: placement id): offers' answers to requests.
 */

/** A place is held for the placement until `expiresAt`. */
export class PlaceReservedV1 {
  @IsUUID() placementId: string;
  @IsUUID() offerId: string;
  @IsISO8601({ strict: true, strictSeparator: true }) expiresAt: string;
}

export const REJECTION_REASONS = ['unknown-offer', 'not-admitting', 'paragraph-not-offered', 'target-group-not-served', 'no-vacancy'] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

export class ReservationRejectedV1 {
  @IsUUID() placementId: string;
  @IsUUID() offerId: string;
  @IsIn(REJECTION_REASONS) reason: RejectionReason;
  @IsString() @MaxLength(300) message: string;
}

/** The hold ran out before the placement started; the place is free again. */
export class ReservationExpiredV1 {
  @IsUUID() placementId: string;
  @IsUUID() offerId: string;
}

/** Ydelsespakke changed from a date (more or less support). */
export class PlacementPackageChangedV1 {
  @IsUUID() placementId: string;
  @IsUUID() offerId: string;
  @IsString() @MaxLength(50) packageCode: string;
  @IsCalendarDate() effectiveDate: string;
}

/** Opsigelse: the acting municipality gave notice; the placement ends on `endDate`. */
export class PlacementTerminationNoticedV1 {
  @IsUUID() placementId: string;
  @IsUUID() offerId: string;
  @IsCalendarDate() noticeGivenOn: string;
  @IsCalendarDate() endDate: string;
}
