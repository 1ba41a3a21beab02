import type { EventOf } from '@tilbudsnet/contracts';

/** A placement that runs (started or under notice) must be re-placed when its offer closes or shrinks. */
export { REPLACEABLE_STATUSES } from './placement';

/**
 * From which date an offer's announcement means its running placements need re-placement: a
 * closure always; a reduction only when it leaves fewer places than residents. Null: nobody moves.
 */
export function replacementFrom(event: EventOf<'OfferClosureAnnounced'> | EventOf<'OfferAdjustmentAnnounced'>): string | null {
  if (event.type === 'OfferClosureAnnounced') return event.payload.effectiveDate;
  return event.payload.placementsAffected > 0 ? event.payload.effectiveDate : null;
}
