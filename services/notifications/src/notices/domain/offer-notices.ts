import type { EventOf } from '@tilbudsnet/contracts';
import { capacityNews } from './capacity-news';
import type { Notice } from './notice';
import { adjustmentAnnounced, capacityChanged, closureAnnounced, overCapacity, vacancyOpened, type OfferFacts } from './notice-texts';

export type OfferNewsEvent = EventOf<'CapacityChanged'> | EventOf<'OfferClosureAnnounced'> | EventOf<'OfferAdjustmentAnnounced'>;

/**
 * Which notices an offer's event causes, and to whom: a vacancy that opened (to its subscribers),
 * approved places changed (to the municipalities with citizens there, if any), a closure or
 * reduction announced (to those municipalities and the region's secretariat, always), more places
 * taken than approved (to the offer's operator, always, when it begins).
 * `before` is the offer as notifications knew it before the event (its operator and how far over
 * capacity it was, where known); `citizensFrom` the acting municipalities with a citizen living there now.
 */
export function noticesOfOfferEvent(
  event: OfferNewsEvent, before: OfferFacts & { vacantPlaces: number; status: string; operator?: string; overCapacityBy?: number }, citizensFrom: string[],
): Notice[] {
  switch (event.type) {
    case 'CapacityChanged': {
      const { capacity, reason } = event.payload;
      const news = capacityNews(before, capacity, reason);
      return [
        ...(news.vacancyOpened ? [vacancyOpened(before, capacity.vacantPlaces)] : []),
        ...(news.approvedPlacesChanged && citizensFrom.length ? [capacityChanged(before, capacity.approvedPlaces, capacity.vacantPlaces, citizensFrom)] : []),
        ...(news.overCapacityBegan && before.operator ? [overCapacity(before, before.operator, capacity)] : []),
      ];
    }
    case 'OfferClosureAnnounced':
      return [closureAnnounced(before, event.payload.effectiveDate, event.payload.placementsAffected, citizensFrom)];
    case 'OfferAdjustmentAnnounced':
      return [adjustmentAnnounced(before, event.payload, citizensFrom)];
  }
}

/** Whether working out the notices of this event needs the municipalities with citizens there (a database read). */
export function needsCitizensFrom(event: OfferNewsEvent, before: { vacantPlaces: number; status: string }): boolean {
  return event.type !== 'CapacityChanged' || capacityNews(before, event.payload.capacity, event.payload.reason).approvedPlacesChanged;
}
