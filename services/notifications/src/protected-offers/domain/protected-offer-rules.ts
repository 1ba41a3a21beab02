/*
 * Protected highly specialised offers (styrket samarbejde): the KKR secretariat marks an offer the
 * region cannot lose as protected for a target group. Two things threaten it, and each raises a
 * supply risk with its figures. Pure: the figures in, whether it fires and why out.
 */
import type { RuleOutcome } from '../../supply/domain/supply-rules';

export interface ProtectedOffer {
  offerId: string;
  targetGroup: string;
  regionCode: string;
  /** The protected offer's paragraphs: competition counts only offers under the same paragraph. */
  paragraphs: string[];
  /** Placements each municipality agreed to keep in the offer (municipality code → places). */
  agreedShares: Record<string, number>;
}

export interface OfferCapacityChange {
  offerId: string;
  regionCode: string;
  targetGroups: string[];
  /** Approved places per paragraph before (empty for a new offer) and after. */
  before: Record<string, number>;
  after: Record<string, number>;
}

/**
 * Another offer in the protected offer's region, for its target group and under one of its
 * paragraphs, was registered or got more approved places: demand may move away from the protected
 * offer. Figures: the places added under the shared paragraphs, and the protected offer's own.
 */
export function competingCapacity(
  guarded: ProtectedOffer, change: OfferCapacityChange, protectedFigures: { approved: number; occupied: number },
): RuleOutcome {
  const shared = guarded.paragraphs.filter((p) => p in change.after);
  const added = shared.reduce((sum, p) => sum + Math.max(0, (change.after[p] ?? 0) - (change.before[p] ?? 0)), 0);
  const fires = change.offerId !== guarded.offerId && change.regionCode === guarded.regionCode
    && change.targetGroups.includes(guarded.targetGroup) && added > 0;
  return {
    fires,
    figures: {
      addedPlaces: added, competitorApprovedAfter: shared.reduce((sum, p) => sum + (change.after[p] ?? 0), 0),
      protectedApproved: protectedFigures.approved, protectedOccupied: protectedFigures.occupied,
    },
    threshold: 0,
  };
}

/** Municipalities whose started placements in the protected offer are fewer than they agreed to keep. */
export function sharesBelowAgreement(guarded: ProtectedOffer, placementsByMunicipality: Record<string, number>): { municipality: string; outcome: RuleOutcome }[] {
  return Object.entries(guarded.agreedShares).map(([municipality, agreed]) => {
    const actual = placementsByMunicipality[municipality] ?? 0;
    return { municipality, outcome: { fires: actual < agreed, figures: { agreedPlacements: agreed, actualPlacements: actual, missing: Math.max(0, agreed - actual) }, threshold: agreed } };
  });
}
