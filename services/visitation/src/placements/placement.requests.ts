import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const dateMessage = (field: string) => ({ message: `${field} must be a date YYYY-MM-DD` });

/** POST /cases/:id/placements. */
export class RequestPlacementRequest {
  @ApiProperty() @IsUUID() offerId: string;
  @ApiProperty({ example: '2026-12-01' }) @Matches(DATE, dateMessage('startDate')) startDate: string;
  @ApiPropertyOptional({ default: 'base', description: 'ydelsespakke' }) @IsOptional() @IsString() @MinLength(1) @MaxLength(50) packageCode?: string;
}

export class ChangePackageRequest {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(50) packageCode: string;
  @ApiProperty({ example: '2027-01-17' }) @Matches(DATE, dateMessage('effectiveDate')) effectiveDate: string;
}

export class GiveNoticeRequest {
  @ApiPropertyOptional({ description: 'default today' }) @IsOptional() @Matches(DATE, dateMessage('givenOn')) givenOn?: string;
}

export class EndPlacementRequest {
  @ApiProperty({ example: '2027-05-31' }) @Matches(DATE, dateMessage('endDate')) endDate: string;
}
