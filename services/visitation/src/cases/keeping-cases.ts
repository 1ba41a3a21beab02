import { Injectable } from '@nestjs/common';
import { requireActingMunicipality, type Principal } from '@tilbudsnet/auth';
import { RuleViolation, type EventCause } from '@tilbudsnet/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { recordAccess } from '../audit/audit-log';
import type { PlacementView } from '../placements/placement-store';
import { RequestingPlacement } from '../placements/request-placement/requesting-placement';
import { CaseRecord, type NeedsAssessment } from './case.entity';
import { CitizenDataCipher } from './citizen-data-cipher';
import type { OpenCaseRequest } from './open-case/open-case.request';

/** What lists and answers show of a case without its citizen's identity. */
export interface CaseSummary {
  id: string;
  actingMunicipality: string;
  payingMunicipality: string;
  needs: NeedsAssessment;
  openedAt: string;
}

/** A case opened together with its placement request. */
export interface CaseWithPlacement extends CaseSummary {
  placement?: PlacementView;
}

export interface CaseWithCitizen extends CaseSummary {
  citizen: { cpr: string; name: string };
  notes: string | null;
}

function summaryOf(record: CaseRecord): CaseSummary {
  return { id: record.id, actingMunicipality: record.actingMunicipality, payingMunicipality: record.payingMunicipality, needs: record.needs, openedAt: record.openedAt.toISOString() };
}

function municipalityOf(principal: Principal): string {
  if (principal.organisation.kind !== 'municipality') throw new RuleViolation('organisation', 'municipality-only', 'only a municipality acts on cases', 403);
  return principal.organisation.code;
}

/** Use cases on cases; every touch of citizen data writes its audit record in the same transaction. */
@Injectable()
export class KeepingCases {
  constructor(private readonly dataSource: DataSource, private readonly cipher: CitizenDataCipher, private readonly requesting: RequestingPlacement) {}

  /** Opens a case; with `request.placement`, requests the place in the same transaction. */
  open(request: OpenCaseRequest, principal: Principal, purpose: string, cause: EventCause): Promise<CaseWithPlacement> {
    const acting = municipalityOf(principal);
    return this.dataSource.transaction(async (manager) => {
      const record = manager.create(CaseRecord, {
        id: randomUUID(),
        actingMunicipality: acting,
        payingMunicipality: request.payingMunicipality ?? acting,
        cprLookupHash: this.cipher.cprLookupHash(request.cpr),
        citizenSealed: this.cipher.seal(JSON.stringify({ cpr: request.cpr, name: request.name })),
        notesSealed: request.notes ? this.cipher.seal(request.notes) : null,
        needs: { ...request.needs },
        openedBy: principal.sub,
      });
      await manager.save(record);
      await recordAccess(manager, principal, { caseId: record.id, municipality: acting, action: 'open-case', purpose });
      if (!request.placement) return summaryOf(record);
      const placement = await this.requesting.requestIn(manager, record, request.placement, principal, purpose, cause, 'placement.');
      return { ...summaryOf(record), placement };
    });
  }

  read(id: string, principal: Principal, purpose: string): Promise<CaseWithCitizen> {
    return this.dataSource.transaction(async (manager) => {
      const record = await manager.findOneBy(CaseRecord, { id });
      if (!record) throw new RuleViolation('id', 'case-exists', `no case with id ${id}`, 404);
      requireActingMunicipality(principal, record.actingMunicipality, 'id', 'a case is read by its acting municipality only');
      await recordAccess(manager, principal, { caseId: id, municipality: record.actingMunicipality, action: 'read-case', purpose });
      const citizen = JSON.parse(this.cipher.open(record.citizenSealed)) as { cpr: string; name: string };
      return { ...summaryOf(record), citizen, notes: record.notesSealed ? this.cipher.open(record.notesSealed) : null };
    });
  }

  findByCpr(cpr: string, principal: Principal, purpose: string): Promise<CaseSummary[]> {
    const acting = municipalityOf(principal);
    return this.dataSource.transaction(async (manager) => {
      const records = await manager.find(CaseRecord, { where: { actingMunicipality: acting, cprLookupHash: this.cipher.cprLookupHash(cpr) }, order: { openedAt: 'DESC' } });
      for (const record of records) {
        await recordAccess(manager, principal, { caseId: record.id, municipality: acting, action: 'find-case-by-cpr', purpose });
      }
      return records.map(summaryOf);
    });
  }
}
