import { IsCalendarDate } from '../calendar-date';
import 'reflect-metadata';
import { IsIn, IsInt, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { PARAGRAPHS, TARGET_GROUP_IDS, type Paragraph } from '../offers/offer-vocabulary';
import { PERIOD } from '../offers/single-services';

/*
 * Booking events: units of a single service (enkeltydelse) for a citizen. Visitation's requests
 * travel on visitation.booking, offers' answers on offers.reservation; both keyed by booking id.
 * No personal data: a booking is an opaque id; the citizen stays inside visitation.
 */

const MUNICIPALITY = /^\d{4}$/;

/** The officer asks for units of an offer in one period (a week or a month, as the offer counts). */
export class BookingRequestedV1 {
  @IsUUID() bookingId: string;
  @IsUUID() offerId: string;
  @IsIn(PARAGRAPHS) paragraph: Paragraph;
  @IsIn(TARGET_GROUP_IDS) targetGroup: string;
  @Matches(MUNICIPALITY) actingMunicipality: string;
  @Matches(MUNICIPALITY) payingMunicipality: string;
  @Matches(PERIOD) period: string;
  @IsInt() @Min(1) @Max(10000) units: number;
}

/** The officer withdrew the booking, or no answer came in time; reserved units are free again. */
export class BookingCancelledV1 {
  @IsUUID() bookingId: string;
  @IsUUID() offerId: string;
  @IsIn(['withdrawn', 'timed-out']) reason: 'withdrawn' | 'timed-out';
}

/** Offers holds the units for the booking in its period. */
export class UnitsReservedV1 {
  @IsUUID() bookingId: string;
  @IsUUID() offerId: string;
  @Matches(PERIOD) period: string;
  @IsInt() @Min(1) units: number;
}

export const BOOKING_REJECTION_REASONS = ['unknown-offer', 'not-a-single-service', 'not-admitting', 'paragraph-not-offered', 'target-group-not-served', 'wrong-period', 'period-ended', 'no-units-left'] as const;
export type BookingRejectionReason = (typeof BOOKING_REJECTION_REASONS)[number];

export class BookingRejectedV1 {
  @IsUUID() bookingId: string;
  @IsUUID() offerId: string;
  @IsIn(BOOKING_REJECTION_REASONS) reason: BookingRejectionReason;
  @IsString() @MaxLength(300) message: string;
}

/** The operator recorded units delivered on a day; settlement bills them at the tariff's unit price. */
export class UnitsDeliveredV1 {
  @IsUUID() deliveryId: string;
  @IsUUID() bookingId: string;
  @IsUUID() offerId: string;
  @Matches(MUNICIPALITY) payingMunicipality: string;
  @Matches(MUNICIPALITY) actingMunicipality: string;
  @IsCalendarDate() deliveredOn: string;
  @IsInt() @Min(1) units: number;
}

/** The booking ended: every unit delivered, or its period is over; units not delivered are free. */
export class BookingCompletedV1 {
  @IsUUID() bookingId: string;
  @IsUUID() offerId: string;
  @IsInt() @Min(0) deliveredUnits: number;
  @IsInt() @Min(0) unusedUnits: number;
}
