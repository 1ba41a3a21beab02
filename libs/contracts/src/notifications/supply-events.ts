import 'reflect-metadata';
import { IsIn, IsInt, IsObject, IsOptional, IsUUID, Matches } from 'class-validator';
import { PARAGRAPHS, TARGET_GROUP_IDS, type Paragraph } from '../offers/offer-vocabulary';
import { SUPPLY_RULES, type SupplyRule } from './early-warning-events';

/** A supply-obligation rule fired for a region and target group (notifications.supply, key: risk id). */
export class SupplyRiskDetectedV1 {
  @IsUUID() riskId: string;
  @IsIn(SUPPLY_RULES) rule: SupplyRule;
  @Matches(/^108[1-5]$/) regionCode: string;
  @IsIn(TARGET_GROUP_IDS) targetGroup: string;
  @IsOptional() @IsIn(PARAGRAPHS) paragraph?: Paragraph;
  @IsOptional() @IsUUID() offerId?: string;
  /** The early warning the rule raised. */
  @IsUUID() warningId: string;
  /** The figures the rule compared, e.g. `{ capacityAfter: 10, demand: 12 }`; counts only. */
  @IsObject() figures: Record<string, number>;
  @IsInt() threshold: number;
}
