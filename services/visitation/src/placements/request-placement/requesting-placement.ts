import { Injectable } from '@nestjs/common';
import type { Principal } from '@tilbudsnet/auth';
import type { EventCause } from '@tilbudsnet/contracts';
import { TransactionalOutbox } from '@tilbudsnet/messaging';
import { DataSource, type EntityManager } from 'typeorm';
import { requireActingMunicipality } from '@tilbudsnet/auth';
import { RuleViolation } from '@tilbudsnet/contracts';
import { randomUUID } from 'node:crypto';
import { recordAccess } from '../../audit/audit-log';
import { CaseRecord } from '../../cases/case.entity';
import { CatalogueOfferRecord } from '../../catalogue/catalogue-offer.entity';
import { isOnEveryTariff, mustBeOnTariff, requestPlacement } from '../domain/placement';
import { loadPlacement, ratesInForce, savePlacement, viewOf, type PlacementView } from '../placement-store';

export interface PlacementInput { offerId: string; startDate: string; packageCode?: string }

/** Use case: place a citizen. The officer asks offers for a place; the answer arrives as the placement's status. */
@Injectable()
export class RequestingPlacement {
  constructor(private readonly dataSource: DataSource, private readonly outbox: TransactionalOutbox) {}

  request(caseId: string, input: PlacementInput, principal: Principal, purpose: string, cause: EventCause): Promise<PlacementView> {
    return this.dataSource.transaction(async (manager) => {
      const found = await manager.findOneBy(CaseRecord, { id: caseId });
      if (!found) throw new RuleViolation('id', 'case-exists', `no case with id ${caseId}`, 404);
      requireActingMunicipality(principal, found.actingMunicipality, 'id', 'only the acting municipality places its citizens');
      return this.requestIn(manager, found, input, principal, purpose, cause);
    });
  }

  /**
   * The request inside the caller's transaction (opening a case with its request uses it, so a
   * refused request leaves no case, and no CPR number, behind). `field` names the request's place
   * in the caller's body for refusals.
   */
  async requestIn(
    manager: EntityManager, found: CaseRecord, input: PlacementInput, principal: Principal, purpose: string, cause: EventCause, field = '',
  ): Promise<PlacementView> {
    const offer = await manager.findOneBy(CatalogueOfferRecord, { offerId: input.offerId });
    if (!offer) throw new RuleViolation(`${field}offerId`, 'offer-in-catalogue', `no offer ${input.offerId} in the catalogue`, 422);
    const targetGroup = found.needs.targetGroups.find((t) => offer.targetGroups.includes(t)) ?? found.needs.targetGroups[0];
    const packageCode = input.packageCode ?? 'base';
    // Only a package that is not on every tariff needs the year's rates read.
    if (!isOnEveryTariff(packageCode)) mustBeOnTariff(packageCode, await ratesInForce(manager, input.offerId, input.startDate), input.startDate.slice(0, 4));
    const decision = requestPlacement({
      id: randomUUID(), caseId: found.id, offerId: input.offerId, actingMunicipality: found.actingMunicipality, payingMunicipality: found.payingMunicipality,
      paragraph: found.needs.paragraph, targetGroup, startDate: input.startDate, packageCode,
    }, new Date());
    await recordAccess(manager, principal, { caseId: found.id, municipality: found.actingMunicipality, action: 'request-placement', purpose });
    return savePlacement(manager, this.outbox, decision, cause);
  }

  /** Query: one placement of the caller's municipality. */
  get(id: string, principal: Principal): Promise<PlacementView> {
    return this.dataSource.transaction(async (manager) => viewOf(await loadPlacement(manager, id, principal)));
  }
}
