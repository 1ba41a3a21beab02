import type { CapacityChangeReason } from '@tilbudsnet/contracts';

/**
 * What a capacity change is news of. A vacancy opened: an admitting offer went from no vacant
 * place to some. Approved places changed: the buyers with citizens there hear of it; the daily
 * moves of reservations and placements are not news to them.
 */
export function capacityNews(
  before: { vacantPlaces: number; status: string }, after: { vacantPlaces: number }, reason: CapacityChangeReason,
): { vacancyOpened: boolean; approvedPlacesChanged: boolean } {
  return {
    vacancyOpened: before.status === 'active' && before.vacantPlaces === 0 && after.vacantPlaces > 0,
    approvedPlacesChanged: reason === 'approved-places-changed' || reason === 'adjustment-effective',
  };
}
