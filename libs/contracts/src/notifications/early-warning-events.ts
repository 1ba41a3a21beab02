import 'reflect-metadata';
import { ArrayMinSize, IsArray, IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { TARGET_GROUP_IDS } from '../offers/offer-vocabulary';

/*
 * Early warnings (notifications.early-warning, key: warning id). The operator's free-text
 * description stays in notifications: events carry only the facts a recipient filters on.
 */

/** Tidlig varsling: what the sustainability risk is about (domain.md). */
export const EARLY_WARNING_CATEGORIES = ['economic', 'professional', 'capacity', 'closure'] as const;
export type EarlyWarningCategory = (typeof EARLY_WARNING_CATEGORIES)[number];

export const EARLY_WARNING_SEVERITIES = ['low', 'medium', 'high'] as const;
export type EarlyWarningSeverity = (typeof EARLY_WARNING_SEVERITIES)[number];

/** Raised → acknowledged (secretariat) → action plan → resolved. */
export const EARLY_WARNING_STATUSES = ['raised', 'acknowledged', 'action-plan', 'resolved'] as const;
export type EarlyWarningStatus = (typeof EARLY_WARNING_STATUSES)[number];

/**
 * The rules on the data that raise warnings by themselves. The last two guard protected highly
 * specialised offers (styrket samarbejde): a competing offer in the region, and a municipality
 * keeping fewer placements in the offer than it agreed to.
 */
export const SUPPLY_RULES = [
  'low-occupancy', 'waitlist-without-vacancy', 'closures-exceed-capacity', 'protected-offer-competition', 'protected-offer-below-share',
  'forecast-gap',
] as const;
export type SupplyRule = (typeof SUPPLY_RULES)[number];

export class EarlyWarningRaisedV1 {
  @IsUUID() warningId: string;
  /** Absent when a rule warns about a region and target group rather than one offer. */
  @IsOptional() @IsUUID() offerId?: string;
  @Matches(/^108[1-5]$/) regionCode: string;
  @IsArray() @ArrayMinSize(1) @IsIn(TARGET_GROUP_IDS, { each: true }) targetGroups: string[];
  @IsIn(EARLY_WARNING_CATEGORIES) category: EarlyWarningCategory;
  @IsIn(EARLY_WARNING_SEVERITIES) severity: EarlyWarningSeverity;
  @IsIn(['operator', 'rule']) source: 'operator' | 'rule';
  @IsOptional() @IsIn(SUPPLY_RULES) rule?: SupplyRule;
}

export class EarlyWarningStatusChangedV1 {
  @IsUUID() warningId: string;
  @IsOptional() @IsUUID() offerId?: string;
  @Matches(/^108[1-5]$/) regionCode: string;
  @IsIn(EARLY_WARNING_STATUSES) status: EarlyWarningStatus;
}
