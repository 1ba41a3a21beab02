import { Injectable } from '@nestjs/common';
import { requireAuditorOf, type Principal } from '@tilbudsnet/auth';
import { DataSource } from 'typeorm';
import { AuditRecord } from './audit-record.entity';

/** Query: the audit log of the auditor's own municipality, newest first (optionally of one case). */
@Injectable()
export class ReadingAuditLog {
  constructor(private readonly dataSource: DataSource) {}

  read(principal: Principal, filter: { caseId?: string; limit: number }): Promise<AuditRecord[]> {
    const municipality = principal.organisation.kind === 'municipality' ? principal.organisation.code : '';
    requireAuditorOf(principal, municipality, 'organisation', 'the audit log is read by the municipality\'s own auditor');
    return this.dataSource.getRepository(AuditRecord).find({
      where: { municipality, ...(filter.caseId ? { caseId: filter.caseId } : {}) },
      order: { id: 'DESC' },
      take: filter.limit,
    });
  }
}
