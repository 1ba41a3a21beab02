import 'reflect-metadata';
import { IsIn, IsUUID, Matches } from 'class-validator';
import { PARAGRAPHS, TARGET_GROUP_IDS, type Paragraph } from '../offers/offer-vocabulary';

/*
 * Waiting list events (visitation.waitlist, key: entry id). No personal data: an entry is an
 * opaque id with the need it waits for and the municipality that waits.
 */

export class WaitlistEntryAddedV1 {
  @IsUUID() entryId: string;
  @IsIn(TARGET_GROUP_IDS) targetGroup: string;
  @IsIn(PARAGRAPHS) paragraph: Paragraph;
  @Matches(/^108[1-5]$/) regionCode: string;
  @Matches(/^\d{4}$/) actingMunicipality: string;
}

export class WaitlistEntryRemovedV1 {
  @IsUUID() entryId: string;
  @IsIn(['placed', 'withdrawn']) reason: 'placed' | 'withdrawn';
}

/** A place opened that fits a waiting entry: the officer is told. */
export class WaitlistMatchFoundV1 {
  @IsUUID() entryId: string;
  @IsUUID() offerId: string;
  @IsIn(TARGET_GROUP_IDS) targetGroup: string;
  @IsIn(PARAGRAPHS) paragraph: Paragraph;
  @Matches(/^108[1-5]$/) regionCode: string;
  @Matches(/^\d{4}$/) actingMunicipality: string;
}
