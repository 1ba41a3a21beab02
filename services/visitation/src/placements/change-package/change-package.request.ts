import { IsCalendarDate } from '@tilbudsnet/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

/** POST /placements/:id/package. */
export class ChangePackageRequest {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(50) packageCode: string;
  @ApiProperty({ example: '2027-01-17' }) @IsCalendarDate({ min: '2000-01-01' }) effectiveDate: string;
}
