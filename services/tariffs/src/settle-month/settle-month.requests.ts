import { IsCalendarDate } from '@tilbudsnet/contracts';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

/** POST /settlements/:month/close and POST /settlements/held/bill. */
export class CloseMonthRequest {
  @ApiPropertyOptional({ description: 'default: the first day of the next month' })
  @IsOptional() @IsCalendarDate({ min: '2000-01-01' }) invoiceDate?: string;
}

export class PackageDecisionsQuery {
  @ApiPropertyOptional({ enum: ['held', 'billed'], description: 'default: held' })
  @IsOptional() @IsIn(['held', 'billed'], { message: 'status must be held or billed' }) status?: 'held' | 'billed';
}
