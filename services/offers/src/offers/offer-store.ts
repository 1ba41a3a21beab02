import type { EntityManager } from 'typeorm';
import type { OfferState } from './domain/offer';
import { OfferRecord } from './offer.entity';

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
  });
}
