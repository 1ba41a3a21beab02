import type { CapacityChangeReason, CapacityFigures } from '@tilbudsnet/contracts';

/**
 * What a capacity change is news of. A vacancy opened: an admitting offer went from no vacant
 * place to some. Approved places changed: the buyers with citizens there hear of it; the daily
 * moves of reservations and placements are not news to them.
 */
export function capacityNews(
  before: { vacantPlaces: number; status: string; overCapacityBy?: number }, after: CapacityFigures, reason: CapacityChangeReason,
): { vacancyOpened: boolean; approvedPlacesChanged: boolean; overCapacityBegan: boolean } {
  return {
    vacancyOpened: before.status === 'active' && before.vacantPlaces === 0 && after.vacantPlaces > 0,
    approvedPlacesChanged: reason === 'approved-places-changed' || reason === 'adjustment-effective',
    overCapacityBegan: overCapacityBy(after) > 0 && (before.overCapacityBy ?? 0) <= 0,
  };
}

/**
 * Places occupied and reserved above the approved ones: offers lets a start confirmed before its
 * hold ran out take a place even when the released one was taken meanwhile (0 when not over).
 */
export function overCapacityBy(c: Pick<CapacityFigures, 'approvedPlaces' | 'occupiedPlaces' | 'reservedPlaces'>): number {
  return Math.max(0, c.occupiedPlaces + c.reservedPlaces - c.approvedPlaces);
}
