import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsInt, IsNumber, IsOptional, Matches, Max, Min, ValidateIf, ValidateNested } from 'class-validator';

/** Kroner as text, to the øre: money never travels as a binary float. */
const KRONER = /^\d{1,13}(\.\d{1,2})?$/;
const kr = (field: string) => ({ message: `${field} must be an amount in kroner as text, e.g. "10000000.00"` });

export class PackageRequest {
  @ApiProperty({ example: 'high' }) @Matches(/^[a-z0-9-]{1,30}$/, { message: 'code must be 1-30 lowercase letters, digits or dashes' }) code: string;
  @ApiProperty({ example: '450.00' }) @Matches(KRONER, kr('supplementPerDay')) supplementPerDay: string;
}

/** PUT /offers/:offerId/budgets/:year: the operator's budget; central administration % comes from the region. */
export class BudgetRequest {
  @ApiProperty({ example: '10000000.00' }) @Matches(KRONER, kr('directOperatingCosts')) directOperatingCosts: string;
  @ApiProperty({ example: '0.00' }) @Matches(KRONER, kr('depreciationAndInterest')) depreciationAndInterest: string;
  @ApiProperty({ example: '0.00' }) @Matches(KRONER, kr('civilServantPensions')) civilServantPensions: string;
  @ApiProperty({ example: '0.00' }) @Matches(KRONER, kr('otherIncome')) otherIncome: string;
  @ApiPropertyOptional({ example: 20, description: 'required for an offer with places; not used for a single service (give budgetedUnits)' })
  @ValidateIf((b: BudgetRequest) => b.budgetedUnits === undefined) @IsInt() @Min(1) @Max(10000) approvedPlaces?: number;
  @ApiPropertyOptional({ example: 2000, description: 'enkeltydelse: units the offer expects to sell in the year; the tariff is then a unit price' })
  @IsOptional() @IsInt() @Min(1) @Max(10000000) budgetedUnits?: number;
  @ApiProperty({ example: 95 }) @IsNumber({ maxDecimalPlaces: 2 }) @Min(1) @Max(100) budgetedOccupancyPct: number;
  @ApiPropertyOptional({ type: [PackageRequest] }) @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => PackageRequest) packages?: PackageRequest[];
  @ApiPropertyOptional({ example: '350.00' }) @IsOptional() @Matches(KRONER, kr('hourlyRate')) hourlyRate?: string;
}
