import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, requireAuditorOf, Roles, type Principal } from '@tilbudsnet/auth';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { DataSource } from 'typeorm';
import { AuditRecord } from './audit-record.entity';

export class AuditQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() caseId?: string;
  @ApiPropertyOptional({ default: 100 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000) limit = 100;
}

/** The auditor of a municipality reads the audit log of its own cases, newest first. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly dataSource: DataSource) {}

  @ApiOperation({ summary: "Read the audit log of the municipality's cases (logning)", description: "Who read or changed which case, when and why, newest first. For the municipality's auditor; never a CPR number." })
  @Get()
  @Roles('auditor')
  async list(@Query() query: AuditQuery, @CurrentPrincipal() principal: Principal): Promise<{ items: AuditRecord[] }> {
    const municipality = principal.organisation.kind === 'municipality' ? principal.organisation.code : '';
    requireAuditorOf(principal, municipality, 'organisation', 'the audit log is read by the municipality\'s own auditor');
    const items = await this.dataSource.getRepository(AuditRecord).find({
      where: { municipality, ...(query.caseId ? { caseId: query.caseId } : {}) },
      order: { id: 'DESC' },
      take: query.limit,
    });
    return { items };
  }
}
