/** A placement's status as notifications keeps it. */
export type PlacementStatus = 'requested' | 'reserved' | 'started' | 'cancelled' | 'ended';

/**
 * The order a placement's status only moves forward in. Its events come on two topics
 * (visitation.placement, offers.reservation) that Kafka does not order against each other, so a
 * late event must never undo a later one: a late `PlaceReserved` never undoes a start. A start
 * outranks a cancellation: visitation never cancels a started placement, but offers may expire a
 * hold while the officer confirms it (visitation still saw it reserved), and the placement then
 * starts all the same; only an end comes after a start.
 */
export const PLACEMENT_STATUS_ORDER: readonly PlacementStatus[] = ['requested', 'reserved', 'cancelled', 'started', 'ended'];
