import { applyEvents, type EventDraft, type EventOf, type NewEvent, type RejectionReason } from '@tilbudsnet/contracts';
import { capacityChanged, capacityOf, decide, type OfferEventType, type OfferState } from './offer';

/** What offers knows of one placement: the place it holds in an offer (reservation, then occupancy). */
export interface PlacementHold {
  placementId: string;
  offerId: string;
  status: 'reserved' | 'rejected' | 'started' | 'released' | 'expired' | 'ended';
  expiresAt: Date | null;
  /** Aggregate version of the reservation events (`offers.reservation`, keyed by placement id). */
  version: number;
}

export type PlacementEvent =
  | EventOf<'PlacementRequested'> | EventOf<'PlacementStarted'> | EventOf<'PlacementCancelled'> | EventOf<'PlacementEnded'>;

type OutEvent = NewEvent<'PlaceReserved' | 'ReservationRejected' | 'ReservationExpired' | OfferEventType>;

/** The outcome: new hold and offer (null where unchanged) and the events to publish. */
export interface HoldDecision {
  hold: PlacementHold | null;
  offer: OfferState | null;
  events: OutEvent[];
}

const NOTHING: HoldDecision = { hold: null, offer: null, events: [] };

type ReservationEventType = 'PlaceReserved' | 'ReservationRejected' | 'ReservationExpired';

/** Evolve: the hold after one of its reservation events (`offers.reservation`). */
export function evolveHold(hold: PlacementHold, event: NewEvent<ReservationEventType>): PlacementHold {
  switch (event.type) {
    case 'PlaceReserved':
      return { ...hold, status: 'reserved', expiresAt: new Date((event as NewEvent<'PlaceReserved'>).payload.expiresAt) };
    case 'ReservationRejected':
      return { ...hold, status: 'rejected', expiresAt: null };
    case 'ReservationExpired':
      return { ...hold, status: 'expired' };
    default: {
      const never: never = event.type;
      throw new Error(`a hold does not evolve by ${String(never)}`);
    }
  }
}

function decideHold(hold: PlacementHold, draft: EventDraft<ReservationEventType>) {
  return applyEvents(hold, [draft], evolveHold);
}

/** A hold not yet answered: version 0, so its first reservation event is version 1. */
const unanswered = (placementId: string, offerId: string): PlacementHold => ({ placementId, offerId, status: 'rejected', expiresAt: null, version: 0 });

function rejection(offer: OfferState | null, request: PlacementEvent['payload'] & { paragraph: string; targetGroup: string }): { reason: RejectionReason; message: string } | null {
  if (!offer) return { reason: 'unknown-offer', message: 'the offer is not in the registry' };
  if (offer.status !== 'active') return { reason: 'not-admitting', message: `the offer takes no admissions (status ${offer.status})` };
  if (!offer.paragraphs.some((p) => p.paragraph === request.paragraph)) return { reason: 'paragraph-not-offered', message: `the offer has no places under SEL §${request.paragraph}` };
  if (!offer.targetGroups.includes(request.targetGroup)) return { reason: 'target-group-not-served', message: `the offer does not serve target group ${request.targetGroup}` };
  if (capacityOf(offer).vacantPlaces <= 0) return { reason: 'no-vacancy', message: 'the offer has no vacant place' };
  return null;
}

/** The offer with `occupied` and `reserved` places more (or fewer), and the `CapacityChanged` that says so. */
function withPlaces(offer: OfferState, occupied: number, reserved: number, reason: Parameters<typeof capacityChanged>[0]) {
  return decide(offer, [capacityChanged(reason, { occupiedPlaces: offer.occupiedPlaces + occupied, reservedPlaces: offer.reservedPlaces + reserved })]);
}

/**
 * Offers' answer to a placement event. Offers is the authority on capacity: a request is reserved
 * only when the offer admits it and has a vacancy; the caller holds the offer's row lock, so two
 * requests for the last place cannot both see it vacant.
 */
export function decidePlacementEvent(hold: PlacementHold | null, offer: OfferState | null, event: PlacementEvent, now: Date, holdHours: number): HoldDecision {
  const { placementId, offerId } = event.payload;
  switch (event.type) {
    case 'PlacementRequested': {
      if (hold) return NOTHING; // already answered
      const refused = rejection(offer, event.payload);
      if (refused || !offer) {
        const reason = refused ?? { reason: 'unknown-offer' as const, message: 'the offer is not in the registry' };
        const rejected = decideHold(unanswered(placementId, offerId), { type: 'ReservationRejected', aggregateId: placementId, payload: { placementId, offerId, ...reason } });
        return { hold: rejected.state, offer: null, events: rejected.events };
      }
      const expiresAt = new Date(now.getTime() + holdHours * 3600_000);
      const next = withPlaces(offer, 0, +1, 'place-reserved');
      const reserved = decideHold(unanswered(placementId, offerId), { type: 'PlaceReserved', aggregateId: placementId, payload: { placementId, offerId, expiresAt: expiresAt.toISOString() } });
      return { hold: reserved.state, offer: next.state, events: [...reserved.events, ...next.events] };
    }
    case 'PlacementStarted': {
      if (!offer || hold?.status === 'started' || hold?.status === 'ended') return NOTHING;
      // The held place turns into an occupied one. Without a held place a start takes a place only
      // if one is vacant, with one exception: a start confirmed before its hold ran out.
      const held = hold?.status === 'reserved';
      if (!held && !confirmedInTime(hold, event) && capacityOf(offer).vacantPlaces <= 0) return NOTHING;
      const next = withPlaces(offer, +1, held ? -1 : 0, 'placement-started');
      return { hold: { ...(hold ?? { placementId, offerId, expiresAt: null, version: 0 }), status: 'started' }, offer: next.state, events: next.events };
    }
    case 'PlacementCancelled': {
      if (!offer || hold?.status !== 'reserved') return NOTHING;
      const next = withPlaces(offer, 0, -1, 'reservation-released');
      return { hold: { ...hold, status: 'released' }, offer: next.state, events: next.events };
    }
    case 'PlacementEnded': {
      if (!offer || hold?.status !== 'started') return NOTHING;
      const next = withPlaces(offer, -1, 0, 'placement-ended');
      return { hold: { ...hold, status: 'ended' }, offer: next.state, events: next.events };
    }
    default: {
      const exhaustive: never = event;
      return exhaustive;
    }
  }
}

/**
 * Visitation confirmed the start before the hold's deadline, but the start reached offers after its
 * expiry released the place (the two cross on different topics). The citizen moves in all the same:
 * the start occupies a place even when the released one was taken meanwhile, so the offer may hold
 * more placements than approved places (its manager sees occupied above approved), rather than a
 * started placement that occupies nothing.
 */
export function confirmedInTime(hold: PlacementHold | null, start: EventOf<'PlacementStarted'>): boolean {
  return hold?.status === 'expired' && hold.expiresAt !== null && new Date(start.occurredAt).getTime() < hold.expiresAt.getTime();
}

/** A hold whose time ran out before the placement started: the place is free again. */
export function expireHold(hold: PlacementHold, offer: OfferState, now: Date): HoldDecision {
  if (hold.status !== 'reserved' || !hold.expiresAt || hold.expiresAt > now) return NOTHING;
  const next = withPlaces(offer, 0, -1, 'reservation-released');
  const expired = decideHold(hold, { type: 'ReservationExpired', aggregateId: hold.placementId, payload: { placementId: hold.placementId, offerId: hold.offerId } });
  return { hold: expired.state, offer: next.state, events: [...expired.events, ...next.events] };
}
