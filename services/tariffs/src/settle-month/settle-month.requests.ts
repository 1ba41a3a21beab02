import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';

/** POST /settlements/:month/close and POST /settlements/held/bill. */
export class CloseMonthRequest {
  @ApiPropertyOptional({ description: 'default: the first day of the next month' })
  @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'invoiceDate must be a date YYYY-MM-DD' }) invoiceDate?: string;
}

export class PackageDecisionsQuery {
  @ApiPropertyOptional({ enum: ['held', 'billed'], description: 'default: held' })
  @IsOptional() @IsIn(['held', 'billed'], { message: 'status must be held or billed' }) status?: 'held' | 'billed';
}
