import { organisationLabel, type Principal } from '@tilbudsnet/auth';
import type { EntityManager } from 'typeorm';
import { AuditRecord, type AuditAction } from './audit-record.entity';

/** Writes an audit record in the caller's transaction: no access to citizen data without its record. */
export async function recordAccess(
  manager: EntityManager,
  principal: Principal,
  access: { caseId: string; municipality: string; action: AuditAction; purpose: string },
): Promise<void> {
  await manager.insert(AuditRecord, {
    actorSub: principal.sub,
    actorName: principal.name,
    actorRole: principal.role,
    organisation: organisationLabel(principal.organisation),
    municipality: access.municipality,
    caseId: access.caseId,
    action: access.action,
    purpose: access.purpose,
  });
}
