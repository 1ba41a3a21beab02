import { Injectable } from '@nestjs/common';
import { requireAuditorOf, type Principal } from '@tilbudsnet/auth';
import { DataSource } from 'typeorm';
import { namePattern } from '../search-offers/domain/name-pattern';
import { AuditRecord } from './audit-record.entity';

export interface AuditFilter {
  caseId?: string;
  action?: string;
  actor?: string;
  from?: string;
  to?: string;
  limit: number;
}

/** Query: the audit log of the auditor's own municipality, newest first (optionally of one case). */
@Injectable()
export class ReadingAuditLog {
  constructor(private readonly dataSource: DataSource) {}

  read(principal: Principal, filter: AuditFilter): Promise<AuditRecord[]> {
    const municipality = principal.organisation.kind === 'municipality' ? principal.organisation.code : '';
    requireAuditorOf(principal, municipality, 'organisation', 'the audit log is read by the municipality\'s own auditor');
    const qb = this.dataSource.getRepository(AuditRecord).createQueryBuilder('a').where('a.municipality = :municipality', { municipality });
    if (filter.caseId) qb.andWhere('a.case_id = :caseId', { caseId: filter.caseId });
    if (filter.action) qb.andWhere('a.action = :action', { action: filter.action });
    if (filter.actor?.trim()) qb.andWhere('(a.actor_name ILIKE :actor OR a.actor_sub ILIKE :actor)', { actor: namePattern(filter.actor) });
    // Days as the auditor means them: Danish calendar days.
    if (filter.from) qb.andWhere(`a.at >= (:from::date)::timestamp AT TIME ZONE 'Europe/Copenhagen'`, { from: filter.from });
    if (filter.to) qb.andWhere(`a.at < (:to::date + 1)::timestamp AT TIME ZONE 'Europe/Copenhagen'`, { to: filter.to });
    return qb.orderBy('a.id', 'DESC').take(filter.limit).getMany();
  }
}
