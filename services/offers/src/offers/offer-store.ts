import { requireOwnOperator, type Principal } from '@tilbudsnet/auth';
import { createEvent, RuleViolation, type EventCause, type OfferSnapshot } from '@tilbudsnet/contracts';
import type { TransactionalOutbox } from '@tilbudsnet/messaging';
import type { EntityManager } from 'typeorm';
import { snapshotOf, type Decision, type OfferState } from './domain/offer';
import { OfferRecord } from './offer.entity';

/** Loads an offer with a row lock, so concurrent changes of one offer queue up in commit order. */
export async function lockOffer(manager: EntityManager, id: string): Promise<OfferRecord> {
  const offer = await manager.findOne(OfferRecord, { where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!offer) throw new RuleViolation('id', 'offer-exists', `no offer with id ${id}`, 404);
  return offer;
}

/**
 * The shape of every use case where an offer manager changes its own offer: lock the offer, check
 * the operator, decide, save the new state and its events in one transaction.
 */
export function changeOwnOffer(
  outbox: TransactionalOutbox, id: string, principal: Principal, cause: EventCause, now: Date, decide: (offer: OfferState) => Decision,
): Promise<OfferSnapshot> {
  return outbox.run(async (manager) => {
    const offer = await lockOffer(manager, id);
    requireOwnOperator(principal, offer.operator, 'id', 'an offer manager changes offers of its own operator only');
    const { state, events } = decide(offer);
    await saveOfferState(manager, state);
    return { result: snapshotOf(state), events: events.map((e) => createEvent('offers', e, cause, now)) };
  });
}

/** Writes what a domain operation may change of an offer. */
export async function saveOfferState(manager: EntityManager, state: OfferState): Promise<void> {
  await manager.update(OfferRecord, { id: state.id }, {
    name: state.name,
    address: state.address,
    location: state.location,
    targetGroups: state.targetGroups,
    specialisationLevel: state.specialisationLevel,
    frameworkAgreement: state.frameworkAgreement,
    budgetedOccupancyPct: state.budgetedOccupancyPct,
    paragraphs: state.paragraphs,
    status: state.status,
    lastConfirmedAt: state.lastConfirmedAt,
    occupiedPlaces: state.occupiedPlaces,
    reservedPlaces: state.reservedPlaces,
    version: state.version,
    closureEffectiveDate: state.closureEffectiveDate,
    pendingAdjustment: state.pendingAdjustment,
    supervision: state.supervision,
    units: state.units,
  });
}
