import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EARLY_WARNING_CATEGORIES, EARLY_WARNING_SEVERITIES, type EarlyWarningCategory, type EarlyWarningSeverity } from '@tilbudsnet/contracts';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';

/** POST /early-warnings: the operator warns about one of its offers. */
export class RaiseEarlyWarningRequest {
  @ApiProperty() @IsUUID() offerId: string;
  @ApiProperty({ enum: EARLY_WARNING_CATEGORIES }) @IsIn(EARLY_WARNING_CATEGORIES) category: EarlyWarningCategory;
  @ApiProperty({ enum: EARLY_WARNING_SEVERITIES }) @IsIn(EARLY_WARNING_SEVERITIES) severity: EarlyWarningSeverity;
  /** About the offer, never about a citizen. */
  @ApiProperty({ minLength: 10, maxLength: 2000 }) @IsString() @MinLength(10) @MaxLength(2000) description: string;
}

export class ActionPlanRequest {
  @ApiProperty({ minLength: 10, maxLength: 4000 }) @IsString() @MinLength(10) @MaxLength(4000) plan: string;
}

export class WarningNoteRequest {
  @ApiPropertyOptional({ maxLength: 2000 }) @IsOptional() @IsString() @MaxLength(2000) note?: string;
}
