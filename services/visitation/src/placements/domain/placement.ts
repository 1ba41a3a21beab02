import { applyEvents, RuleViolation, type EventDraft, type NewEvent } from '@tilbudsnet/contracts';
import { terminationEndDate, type TerminationRule } from './termination-notice';

/**
 * Anbringelse: a placement of a case's citizen in an offer, from request to move-out. The saga
 * always ends: reserved then started, or rejected, expired, timed out or cancelled, and whatever
 * ends it early releases a held place.
 */
export const PLACEMENT_STATUSES = ['requested', 'reserved', 'rejected', 'expired', 'timed-out', 'cancelled', 'started', 'notice-given', 'ended'] as const;
export type PlacementStatus = (typeof PLACEMENT_STATUSES)[number];

export interface PlacementState {
  id: string;
  caseId: string;
  offerId: string;
  /** Handlekommune. */
  actingMunicipality: string;
  /** Betalingskommune. */
  payingMunicipality: string;
  paragraph: string;
  targetGroup: string;
  startDate: string;
  packageCode: string;
  status: PlacementStatus;
  /** Why the request ended without a placement, in words an officer can act on. */
  reason: string | null;
  requestedAt: Date;
  reservationExpiresAt: Date | null;
  reviewDate: string | null;
  noticeGivenOn: string | null;
  endDate: string | null;
  /** The offer closes or shrinks: the citizen must be re-placed from this date. */
  needsReplacementFrom: string | null;
  version: number;
}

type PlacementEventType = 'PlacementRequested' | 'PlacementStarted' | 'PlacementCancelled' | 'PlacementEnded' | 'PlacementPackageChanged' | 'PlacementTerminationNoticed';

export interface PlacementDecision {
  state: PlacementState;
  events: NewEvent<PlacementEventType>[];
}

function must(state: PlacementState, allowed: PlacementStatus[], action: string): void {
  if (!allowed.includes(state.status)) {
    throw new RuleViolation('status', 'placement-status', `cannot ${action} a placement that is ${state.status}`, 409);
  }
}

function event<T extends PlacementEventType>(state: PlacementState, type: T, payload: NewEvent<T>['payload']): EventDraft<T> {
  return { type, aggregateId: state.id, payload } as EventDraft<T>;
}

function cancelled(state: PlacementState, reason: 'withdrawn' | 'rejected' | 'expired' | 'timed-out'): EventDraft<'PlacementCancelled'> {
  return event(state, 'PlacementCancelled', { placementId: state.id, offerId: state.offerId, reason });
}

/** Running placements: the ones an offer's closure or reduction moves (see domain/replacement.ts). */
export const REPLACEABLE_STATUSES: PlacementStatus[] = ['started', 'notice-given'];

const ENDED_EARLY: PlacementStatus[] = ['rejected', 'expired', 'timed-out', 'cancelled'];

/** Evolve: the placement after one of its own events; the only place those events change it. */
export function evolvePlacement(state: PlacementState, e: NewEvent<PlacementEventType>): PlacementState {
  switch (e.type) {
    case 'PlacementRequested':
      return { ...state, status: 'requested' };
    case 'PlacementCancelled': {
      // A late hold released after the request already ended leaves the placement as it ended.
      if (ENDED_EARLY.includes(state.status)) return state;
      const reason = (e as NewEvent<'PlacementCancelled'>).payload.reason;
      return reason === 'timed-out'
        ? { ...state, status: 'timed-out', reason: 'tilbuddet svarede ikke i tide' }
        : { ...state, status: 'cancelled', reason: 'trukket tilbage af sagsbehandleren' };
    }
    case 'PlacementStarted':
      return { ...state, status: 'started', reviewDate: (e as NewEvent<'PlacementStarted'>).payload.reviewDate ?? null };
    case 'PlacementPackageChanged':
      return { ...state, packageCode: (e as NewEvent<'PlacementPackageChanged'>).payload.packageCode };
    case 'PlacementTerminationNoticed': {
      const p = (e as NewEvent<'PlacementTerminationNoticed'>).payload;
      return { ...state, status: 'notice-given', noticeGivenOn: p.noticeGivenOn, endDate: p.endDate };
    }
    case 'PlacementEnded':
      return { ...state, status: 'ended', endDate: (e as NewEvent<'PlacementEnded'>).payload.endDate };
    default: {
      const never: never = e.type;
      throw new Error(`a placement does not evolve by ${String(never)}`);
    }
  }
}

function decide(state: PlacementState, drafts: EventDraft<PlacementEventType>[]): PlacementDecision {
  return applyEvents(state, drafts, evolvePlacement);
}

export type NewPlacement = Pick<PlacementState, 'id' | 'caseId' | 'offerId' | 'actingMunicipality' | 'payingMunicipality' | 'paragraph' | 'targetGroup' | 'startDate' | 'packageCode'>;

export function requestPlacement(input: NewPlacement, now: Date): PlacementDecision {
  const state: PlacementState = {
    ...input, status: 'requested', reason: null, requestedAt: now, reservationExpiresAt: null, reviewDate: null,
    noticeGivenOn: null, endDate: null, needsReplacementFrom: null, version: 0,
  };
  return decide(state, [event(state, 'PlacementRequested', {
    placementId: state.id, offerId: state.offerId, paragraph: state.paragraph as never, targetGroup: state.targetGroup,
    actingMunicipality: state.actingMunicipality, payingMunicipality: state.payingMunicipality, startDate: state.startDate,
  })]);
}

/** Offers held a place. If the request already ended, the late hold is released at once. */
export function placeReserved(state: PlacementState, expiresAt: Date): PlacementDecision {
  if (state.status === 'requested') return { state: { ...state, status: 'reserved', reservationExpiresAt: expiresAt }, events: [] };
  if (state.status === 'timed-out' || state.status === 'cancelled') {
    return decide(state, [cancelled(state, state.status === 'timed-out' ? 'timed-out' : 'withdrawn')]);
  }
  return { state, events: [] };
}

export function reservationRejected(state: PlacementState, message: string): PlacementDecision {
  if (state.status !== 'requested') return { state, events: [] };
  return { state: { ...state, status: 'rejected', reason: `afvist af tilbuddet: ${message}` }, events: [] };
}

export function reservationExpired(state: PlacementState): PlacementDecision {
  if (state.status !== 'reserved') return { state, events: [] };
  return { state: { ...state, status: 'expired', reason: 'reservationen udløb, før anbringelsen blev bekræftet' }, events: [] };
}

/** No answer from offers in time: the request ends, and any hold that comes later is released. */
export function timeOut(state: PlacementState, now: Date, timeoutMs: number): PlacementDecision {
  if (state.status !== 'requested' || now.getTime() - state.requestedAt.getTime() < timeoutMs) return { state, events: [] };
  return decide(state, [cancelled(state, 'timed-out')]);
}

export function cancelRequest(state: PlacementState): PlacementDecision {
  must(state, ['requested', 'reserved'], 'cancel');
  return decide(state, [cancelled(state, 'withdrawn')]);
}

/** The officer confirms a reserved place: the placement starts with its contract. */
export function confirmPlacement(state: PlacementState, reviewAfterMonths: number, now: Date): PlacementDecision {
  must(state, ['reserved'], 'confirm');
  // Offers releases the place at the hold's deadline, whether or not its ReservationExpired has
  // arrived here yet; a start after it would hold no place (and offers takes one only if vacant).
  if (state.reservationExpiresAt && now.getTime() >= state.reservationExpiresAt.getTime()) {
    throw new RuleViolation('status', 'reservation-expired', `the reservation ran out at ${state.reservationExpiresAt.toISOString()}; request a place again`, 409);
  }
  const [y, m, d] = state.startDate.split('-').map(Number);
  const review = new Date(Date.UTC(y, m - 1 + reviewAfterMonths, Math.min(d, 28)));
  return decide(state, [event(state, 'PlacementStarted', {
    placementId: state.id, offerId: state.offerId, actingMunicipality: state.actingMunicipality, payingMunicipality: state.payingMunicipality,
    startDate: state.startDate, packageCode: state.packageCode, reviewDate: review.toISOString().slice(0, 10),
  })]);
}

/** The base package is on every tariff; any other must be on the tariff in force. */
export function isOnEveryTariff(packageCode: string): boolean {
  return packageCode === 'base';
}

/**
 * A package must be one the offer's tariff in force has (its rates; null when no tariff for that
 * year is published yet, and the month close holds unpriced months back then). `base` always is.
 */
export function mustBeOnTariff(packageCode: string, ratesInForce: Record<string, unknown> | null, year: string): void {
  if (isOnEveryTariff(packageCode) || ratesInForce === null || packageCode in ratesInForce) return;
  throw new RuleViolation('packageCode', 'package-on-tariff', `the offer's ${year} tariff has no package ${packageCode}; it has ${Object.keys(ratesInForce).join(', ')}`, 422);
}

export function changePackage(state: PlacementState, packageCode: string, effectiveDate: string, ratesInForce: Record<string, unknown> | null = null): PlacementDecision {
  must(state, ['started', 'notice-given'], 'change the package of');
  if (effectiveDate < state.startDate) throw new RuleViolation('effectiveDate', 'not-before-start', `effectiveDate must not be before the start date ${state.startDate}`);
  mustBeOnTariff(packageCode, ratesInForce, effectiveDate.slice(0, 4));
  return decide(state, [event(state, 'PlacementPackageChanged', { placementId: state.id, offerId: state.offerId, packageCode, effectiveDate })]);
}

/** Opsigelse by the acting municipality; the end date follows the region's rule. */
export function giveNotice(state: PlacementState, givenOn: string, rule: TerminationRule): PlacementDecision {
  must(state, ['started'], 'give notice on');
  const endDate = terminationEndDate(givenOn, rule);
  return decide(state, [event(state, 'PlacementTerminationNoticed', { placementId: state.id, offerId: state.offerId, noticeGivenOn: givenOn, endDate })]);
}

/** Fraflytning: the citizen moves out; payment stops. */
export function endPlacement(state: PlacementState, endDate: string): PlacementDecision {
  must(state, ['started', 'notice-given'], 'end');
  if (endDate < state.startDate) throw new RuleViolation('endDate', 'not-before-start', `endDate must not be before the start date ${state.startDate}`);
  return decide(state, [event(state, 'PlacementEnded', { placementId: state.id, offerId: state.offerId, endDate })]);
}

/** The offer announced a closure or reduction: the placement needs re-placement from that date. */
export function flagForReplacement(state: PlacementState, from: string): PlacementState {
  if (!REPLACEABLE_STATUSES.includes(state.status)) return state;
  return { ...state, needsReplacementFrom: from };
}
