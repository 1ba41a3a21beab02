import { Injectable } from '@nestjs/common';
import { type Principal, requireActingMunicipality } from '@tilbudsnet/auth';
import { createEvent, RuleViolation, type EventCause } from '@tilbudsnet/contracts';
import { TransactionalOutbox } from '@tilbudsnet/messaging';
import { randomUUID } from 'node:crypto';
import { DataSource, LessThan, type EntityManager } from 'typeorm';
import { recordAccess } from '../audit/audit-log';
import type { AuditAction } from '../audit/audit-record.entity';
import { CaseRecord } from '../cases/case.entity';
import { CatalogueOfferRecord } from '../catalogue/catalogue-offer.entity';
import {
  cancelRequest, changePackage, confirmPlacement, endPlacement, giveNotice, mustBeOnTariff, requestPlacement, timeOut, type PlacementDecision, type PlacementState,
} from './domain/placement';
import { terminationRuleFor } from './domain/termination-notice';
import { Waitlist } from '../waitlist/waitlist';
import { PlacementRecord } from './placement.entity';

/** Months from start to the first review of a placement (`PLACEMENT_REVIEW_MONTHS`, default 6). */
const reviewMonths = () => Number(process.env.PLACEMENT_REVIEW_MONTHS ?? 6);
/** How long a request waits for offers' answer (`PLACEMENT_REQUEST_TIMEOUT_MS`, default 15 minutes). */
export const requestTimeoutMs = () => Number(process.env.PLACEMENT_REQUEST_TIMEOUT_MS ?? 15 * 60_000);

export type PlacementView = Omit<PlacementState, 'version'>;

function viewOf(p: PlacementState): PlacementView {
  const { version: _v, ...view } = p;
  return view;
}

/** The published rates of the offer's tariff for the year of `date`, as visitation's catalogue has them; null when none is known. */
async function ratesInForce(manager: EntityManager, offerId: string, date: string): Promise<Record<string, string> | null> {
  const [row] = await manager.query('SELECT rates FROM catalogue_tariffs WHERE offer_id = $1 AND year = $2', [offerId, Number(date.slice(0, 4))]);
  return row?.rates ?? null;
}

/** Use cases of the placement saga on visitation's side. Every command is audited. */
@Injectable()
export class PlacingCitizens {
  constructor(private readonly dataSource: DataSource, private readonly outbox: TransactionalOutbox, private readonly waitlist: Waitlist) {}

  request(caseId: string, input: { offerId: string; startDate: string; packageCode?: string }, principal: Principal, purpose: string, cause: EventCause): Promise<PlacementView> {
    return this.inTransaction(async (manager) => {
      const found = await manager.findOneBy(CaseRecord, { id: caseId });
      if (!found) throw new RuleViolation('id', 'case-exists', `no case with id ${caseId}`, 404);
      requireActingMunicipality(principal, found.actingMunicipality, 'id', 'only the acting municipality places its citizens');
      const offer = await manager.findOneBy(CatalogueOfferRecord, { offerId: input.offerId });
      if (!offer) throw new RuleViolation('offerId', 'offer-in-catalogue', `no offer ${input.offerId} in the catalogue`, 422);
      const targetGroup = found.needs.targetGroups.find((t) => offer.targetGroups.includes(t)) ?? found.needs.targetGroups[0];
      mustBeOnTariff(input.packageCode ?? 'base', await ratesInForce(manager, input.offerId, input.startDate), input.startDate.slice(0, 4));
      const decision = requestPlacement({
        id: randomUUID(), caseId, offerId: input.offerId, actingMunicipality: found.actingMunicipality, payingMunicipality: found.payingMunicipality,
        paragraph: found.needs.paragraph, targetGroup, startDate: input.startDate, packageCode: input.packageCode ?? 'base',
      }, new Date());
      await recordAccess(manager, principal, { caseId, municipality: found.actingMunicipality, action: 'request-placement', purpose });
      return this.save(manager, decision, cause);
    });
  }

  get(id: string, principal: Principal): Promise<PlacementView> {
    return this.inTransaction(async (manager) => viewOf(await this.load(manager, id, principal)));
  }

  confirm(id: string, principal: Principal, purpose: string, cause: EventCause): Promise<PlacementView> {
    return this.command(id, principal, purpose, 'confirm-placement', cause, async (p, manager) => {
      const decision = confirmPlacement(p, reviewMonths());
      await this.waitlist.leave(manager, p.caseId, 'placed', cause);
      return decision;
    });
  }

  cancel(id: string, principal: Principal, purpose: string, cause: EventCause): Promise<PlacementView> {
    return this.command(id, principal, purpose, 'cancel-placement', cause, (p) => cancelRequest(p));
  }

  changePackage(id: string, body: { packageCode: string; effectiveDate: string }, principal: Principal, purpose: string, cause: EventCause): Promise<PlacementView> {
    return this.command(id, principal, purpose, 'change-package', cause, async (p, manager) => changePackage(p, body.packageCode, body.effectiveDate, await ratesInForce(manager, p.offerId, body.effectiveDate)));
  }

  giveNotice(id: string, givenOn: string, principal: Principal, purpose: string, cause: EventCause): Promise<PlacementView> {
    return this.command(id, principal, purpose, 'give-notice', cause, async (p, manager) => {
      const offer = await manager.findOneBy(CatalogueOfferRecord, { offerId: p.offerId });
      return giveNotice(p, givenOn, terminationRuleFor(offer?.regionCode ?? ''));
    });
  }

  end(id: string, endDate: string, principal: Principal, purpose: string, cause: EventCause): Promise<PlacementView> {
    return this.command(id, principal, purpose, 'end-placement', cause, (p) => endPlacement(p, endDate));
  }

  /** The job: requests that offers has not answered in time end, releasing any late hold. */
  async timeOutUnanswered(now = new Date()): Promise<number> {
    const due = await this.dataSource.getRepository(PlacementRecord).find({ where: { status: 'requested', requestedAt: LessThan(new Date(now.getTime() - requestTimeoutMs())) }, take: 500 });
    for (const { id } of due) {
      await this.inTransaction(async (manager) => {
        const p = await manager.findOne(PlacementRecord, { where: { id }, lock: { mode: 'pessimistic_write' } });
        if (p) await this.save(manager, timeOut(p, now, requestTimeoutMs()), { correlationId: `timeout-${id}`, causationId: `timeout-${id}` });
      });
    }
    return due.length;
  }

  private command(
    id: string, principal: Principal, purpose: string, action: AuditAction, cause: EventCause,
    decide: (p: PlacementRecord, manager: EntityManager) => PlacementDecision | Promise<PlacementDecision>,
  ): Promise<PlacementView> {
    return this.inTransaction(async (manager) => {
      const p = await this.load(manager, id, principal, true);
      await recordAccess(manager, principal, { caseId: p.caseId, municipality: p.actingMunicipality, action, purpose });
      return this.save(manager, await decide(p, manager), cause);
    });
  }

  private async load(manager: EntityManager, id: string, principal: Principal, lock = false): Promise<PlacementRecord> {
    const p = await manager.findOne(PlacementRecord, { where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!p) throw new RuleViolation('id', 'placement-exists', `no placement with id ${id}`, 404);
    requireActingMunicipality(principal, p.actingMunicipality, 'id', 'a placement belongs to its acting municipality');
    return p;
  }

  private async save(manager: EntityManager, decision: PlacementDecision, cause: EventCause): Promise<PlacementView> {
    await manager.save(PlacementRecord, decision.state);
    await this.outbox.append(manager, decision.events.map((e) => createEvent('visitation', e, cause)));
    return viewOf(decision.state);
  }

  private inTransaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }
}
