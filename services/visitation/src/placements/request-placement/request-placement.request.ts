import { IsCalendarDate } from '@tilbudsnet/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';

/** POST /cases/:id/placements. */
export class RequestPlacementRequest {
  @ApiProperty() @IsUUID() offerId: string;
  @ApiProperty({ example: '2026-12-01' }) @IsCalendarDate({ min: '2000-01-01' }) startDate: string;
  @ApiPropertyOptional({ default: 'base', description: 'ydelsespakke' }) @IsOptional() @IsString() @MinLength(1) @MaxLength(50) packageCode?: string;
}
