import { IsCalendarDate } from '../calendar-date';
import 'reflect-metadata';
import { IsBoolean, IsInt, IsNumber, IsObject, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';

/** Amounts on the wire are kroner as text with two decimals ("1441.96"), never binary floats. */
const AMOUNT = /^-?\d+\.\d{2}$/;

/** A tariff (takst) for an offer and year is in force: approved where the framework agreement asks it. */
export class TariffPublishedV1 {
  @IsUUID() offerId: string;
  @IsInt() @Min(2000) @Max(2100) year: number;
  @Matches(AMOUNT) dayTariff: string;
  @Matches(AMOUNT) vatCompensationPerDay: string;
  /** Package code → day rate in kroner ("base" always present). */
  @IsObject() rates: Record<string, string>;
  @IsOptional() @Matches(AMOUNT) hourlyRate?: string;
  /** Enkeltydelser: the price of one unit (hour, session, course seat, assessment, visit); billed per delivered unit. */
  @IsOptional() @Matches(AMOUNT) unitPrice?: string;
  @IsNumber() @Min(0) @Max(100) budgetedOccupancyPct: number;
  @IsBoolean() frameworkAgreement: boolean;
}

/** A month's statement to a paying municipality from an operator (no personal data). */
export class SettlementIssuedV1 {
  @IsUUID() statementId: string;
  @Matches(/^\d{4}-\d{2}$/) month: string;
  @Matches(/^\d{4}$/) payingMunicipality: string;
  @Matches(/^(municipality|region|private):\d+$/) operator: string;
  @Matches(AMOUNT) total: string;
  @IsInt() @Min(0) lines: number;
  @IsCalendarDate() dueDate: string;
  @IsInt() @Min(0) lateClaimLines: number;
}
