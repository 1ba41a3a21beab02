import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@tilbudsnet/auth';
import { Type } from 'class-transformer';
import { IsCalendarDate } from '@tilbudsnet/contracts';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import { AUDIT_ACTIONS, type AuditRecord } from './audit-record.entity';
import { ReadingAuditLog } from './reading-audit-log';

export class AuditQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() caseId?: string;
  @ApiPropertyOptional({ enum: AUDIT_ACTIONS }) @IsOptional() @IsIn(AUDIT_ACTIONS) action?: string;
  @ApiPropertyOptional({ description: "words of the user's name or id" }) @IsOptional() @IsString() @MinLength(1) @MaxLength(100) actor?: string;
  @ApiPropertyOptional({ description: 'from this day (inclusive, Danish time)', example: '2026-11-01' }) @IsOptional() @IsCalendarDate({ min: '2000-01-01' }) from?: string;
  @ApiPropertyOptional({ description: 'to this day (inclusive, Danish time)', example: '2026-11-30' }) @IsOptional() @IsCalendarDate({ min: '2000-01-01' }) to?: string;
  @ApiPropertyOptional({ default: 100 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000) limit = 100;
}

/** The auditor of a municipality reads the audit log of its own cases, newest first. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly auditLog: ReadingAuditLog) {}

  @ApiOperation({ summary: "Read the audit log of the municipality's cases (logning)", description: "Who read or changed which case, when and why, newest first. For the municipality's auditor; never a CPR number." })
  @Get()
  @Roles('auditor')
  async list(@Query() query: AuditQuery, @CurrentPrincipal() principal: Principal): Promise<{ items: AuditRecord[] }> {
    return { items: await this.auditLog.read(principal, query) };
  }

}
