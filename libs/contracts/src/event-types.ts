import type { EventEnvelope } from './envelope';
import { OfferAdjustmentAnnouncedV1, OfferClosedV1, OfferClosureAnnouncedV1 } from './offers/offer-lifecycle-events';
import { CapacityChangedV1, OfferRegisteredV1, OfferUpdatedV1 } from './offers/offer-events';
import {
  PlaceReservedV1, PlacementCancelledV1, PlacementEndedV1, PlacementPackageChangedV1, PlacementRequestedV1, PlacementStartedV1,
  PlacementTerminationNoticedV1, ReservationExpiredV1, ReservationRejectedV1,
} from './placements/placement-events';
import {
  BookingCancelledV1, BookingCompletedV1, BookingRejectedV1, BookingRequestedV1, UnitsDeliveredV1, UnitsReservedV1,
} from './placements/booking-events';
import { GoalSetV1, ProgressMeasuredV1 } from './placements/progression-events';
import { WaitlistEntryAddedV1, WaitlistEntryRemovedV1, WaitlistMatchFoundV1 } from './placements/waitlist-events';
import { SettlementIssuedV1, TariffPublishedV1 } from './tariffs/tariff-events';
import { EarlyWarningRaisedV1, EarlyWarningStatusChangedV1 } from './notifications/early-warning-events';
import { SupplyRiskDetectedV1 } from './notifications/supply-events';
import { Topics, type TopicName } from './topics';

type PayloadClass = new () => object;

interface EventDefinition {
  topic: TopicName;
  version: number;
  payload: PayloadClass;
}

/**
 * Every event type there is: its topic, current version and payload class.
 * Adding a type here is what makes it publishable and consumable.
 */
export const EVENT_DEFINITIONS = {
  OfferRegistered: { topic: Topics.offer, version: 1, payload: OfferRegisteredV1 },
  OfferUpdated: { topic: Topics.offer, version: 1, payload: OfferUpdatedV1 },
  CapacityChanged: { topic: Topics.offer, version: 1, payload: CapacityChangedV1 },
  OfferClosureAnnounced: { topic: Topics.offer, version: 1, payload: OfferClosureAnnouncedV1 },
  OfferAdjustmentAnnounced: { topic: Topics.offer, version: 1, payload: OfferAdjustmentAnnouncedV1 },
  OfferClosed: { topic: Topics.offer, version: 1, payload: OfferClosedV1 },
  PlaceReserved: { topic: Topics.reservation, version: 1, payload: PlaceReservedV1 },
  ReservationRejected: { topic: Topics.reservation, version: 1, payload: ReservationRejectedV1 },
  ReservationExpired: { topic: Topics.reservation, version: 1, payload: ReservationExpiredV1 },
  PlacementRequested: { topic: Topics.placement, version: 1, payload: PlacementRequestedV1 },
  PlacementStarted: { topic: Topics.placement, version: 1, payload: PlacementStartedV1 },
  PlacementCancelled: { topic: Topics.placement, version: 1, payload: PlacementCancelledV1 },
  PlacementEnded: { topic: Topics.placement, version: 1, payload: PlacementEndedV1 },
  PlacementPackageChanged: { topic: Topics.placement, version: 1, payload: PlacementPackageChangedV1 },
  PlacementTerminationNoticed: { topic: Topics.placement, version: 1, payload: PlacementTerminationNoticedV1 },
  WaitlistEntryAdded: { topic: Topics.waitlist, version: 1, payload: WaitlistEntryAddedV1 },
  WaitlistEntryRemoved: { topic: Topics.waitlist, version: 1, payload: WaitlistEntryRemovedV1 },
  WaitlistMatchFound: { topic: Topics.waitlist, version: 1, payload: WaitlistMatchFoundV1 },
  BookingRequested: { topic: Topics.booking, version: 1, payload: BookingRequestedV1 },
  BookingCancelled: { topic: Topics.booking, version: 1, payload: BookingCancelledV1 },
  UnitsReserved: { topic: Topics.reservation, version: 1, payload: UnitsReservedV1 },
  BookingRejected: { topic: Topics.reservation, version: 1, payload: BookingRejectedV1 },
  UnitsDelivered: { topic: Topics.reservation, version: 1, payload: UnitsDeliveredV1 },
  BookingCompleted: { topic: Topics.reservation, version: 1, payload: BookingCompletedV1 },
  GoalSet: { topic: Topics.progression, version: 1, payload: GoalSetV1 },
  ProgressMeasured: { topic: Topics.progression, version: 1, payload: ProgressMeasuredV1 },
  TariffPublished: { topic: Topics.tariff, version: 1, payload: TariffPublishedV1 },
  SettlementIssued: { topic: Topics.settlement, version: 1, payload: SettlementIssuedV1 },
  EarlyWarningRaised: { topic: Topics.earlyWarning, version: 1, payload: EarlyWarningRaisedV1 },
  EarlyWarningStatusChanged: { topic: Topics.earlyWarning, version: 1, payload: EarlyWarningStatusChangedV1 },
  SupplyRiskDetected: { topic: Topics.supply, version: 1, payload: SupplyRiskDetectedV1 },
} satisfies Record<string, EventDefinition>;

export type EventType = keyof typeof EVENT_DEFINITIONS;
export const EVENT_TYPES = Object.keys(EVENT_DEFINITIONS) as EventType[];

type PayloadOf<T extends EventType> = InstanceType<(typeof EVENT_DEFINITIONS)[T]['payload']>;

/** The tagged union of all events: narrow with `switch (event.type)`. */
export type TilbudsnetEvent = { [T in EventType]: EventEnvelope<T, PayloadOf<T>> }[EventType];
export type EventOf<T extends EventType> = Extract<TilbudsnetEvent, { type: T }>;
export type PayloadFor<T extends EventType> = PayloadOf<T>;

export function isEventType(type: string): type is EventType {
  return Object.prototype.hasOwnProperty.call(EVENT_DEFINITIONS, type);
}

export function topicOf(type: EventType): TopicName {
  return EVENT_DEFINITIONS[type].topic;
}
