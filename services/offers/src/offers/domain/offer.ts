import {
  applyEvents, RuleViolation, regionOfMunicipality, type CapacityChangeReason, type Draft, type CapacityFigures, type NewEvent, type OfferSnapshot, type OfferStatus,
  type OperatorKind, type Paragraph, type ParagraphPlaces, type SpecialisationLevel, type SupervisionStatusCode, type UnitCapacity,
} from '@tilbudsnet/contracts';

/** Tilbud: what offers keeps of an offer. Occupied and reserved places follow placements; never typed in. */
export interface OfferState {
  id: string;
  name: string;
  /** Driftsherre. */
  operator: { kind: OperatorKind; id: string; name: string };
  address: { street: string; postalCode: string; city: string };
  municipalityCode: string;
  regionCode: string;
  location: { lat: number; lon: number };
  /** Legal bases (SEL §), each with its approved places. */
  paragraphs: ParagraphPlaces[];
  targetGroups: string[];
  specialisationLevel: SpecialisationLevel;
  frameworkAgreement: boolean;
  budgetedOccupancyPct: number;
  status: OfferStatus;
  lastConfirmedAt: Date | null;
  occupiedPlaces: number;
  reservedPlaces: number;
  /** Aggregate version: one up per event. */
  version: number;
  demo: boolean;
  /** Date an announced closure takes effect. */
  closureEffectiveDate: string | null;
  /** An announced reduction of one paragraph's approved places, and when. */
  pendingAdjustment: { paragraph: Paragraph; approvedPlaces: number; effectiveDate: string } | null;
  /** Socialtilsynet's latest decision, as the operator recorded it. */
  supervision: { status: SupervisionStatusCode; decidedOn: string } | null;
  /** Enkeltydelse: units sold per week or month instead of places (null for an offer with places). */
  units: UnitCapacity | null;
}

export type NewOffer = Omit<
  OfferState, 'regionCode' | 'status' | 'lastConfirmedAt' | 'occupiedPlaces' | 'reservedPlaces' | 'version' | 'closureEffectiveDate' | 'pendingAdjustment' | 'supervision' | 'units'
> & { units?: UnitCapacity | null };

/** What a domain operation returns: the new state and the events it caused. */
export interface Decision {
  state: OfferState;
  events: NewEvent<OfferEventType>[];
}

export type OfferEventType = 'OfferRegistered' | 'OfferUpdated' | 'CapacityChanged' | 'OfferClosureAnnounced' | 'OfferAdjustmentAnnounced' | 'OfferClosed';

export type OfferDraft = Draft<OfferState, OfferEventType>;

/** `CapacityChanged` reporting the figures `change` gives the offer (new paragraphs, occupied, reserved). */
export function capacityChanged(
  reason: CapacityChangeReason, change: Partial<Pick<OfferState, 'paragraphs' | 'occupiedPlaces' | 'reservedPlaces'>> = {},
): OfferDraft {
  return (state) => {
    const next = { ...state, ...change };
    return {
      type: 'CapacityChanged', aggregateId: state.id,
      payload: { offerId: state.id, capacity: capacityOf(next), paragraphs: next.paragraphs.map((p) => ({ ...p })), reason },
    };
  };
}

/** `OfferUpdated` reporting the offer's whole state with `change` applied (data, status, confirmation). */
export function offerUpdated(change: Partial<Pick<OfferState, EditableField | 'status' | 'lastConfirmedAt'>> = {}): OfferDraft {
  return (state) => ({ type: 'OfferUpdated', aggregateId: state.id, payload: { offer: snapshotOf({ ...state, ...change }) } });
}

type EditableField = 'name' | 'address' | 'location' | 'targetGroups' | 'specialisationLevel' | 'frameworkAgreement' | 'budgetedOccupancyPct' | 'supervision' | 'units';

/**
 * Evolve: the offer after one of its events. Every change of an offer's state is an event, and
 * this is the only place an event changes the state; deciders state events, `applyEvents` numbers
 * them and runs them through here.
 */
export function evolveOffer(state: OfferState, event: NewEvent<OfferEventType>): OfferState {
  switch (event.type) {
    case 'OfferRegistered':
    case 'OfferUpdated': {
      const o = (event as NewEvent<'OfferUpdated'>).payload.offer;
      return {
        ...state, name: o.name, address: { ...o.address }, location: { ...o.location }, targetGroups: [...o.targetGroups], specialisationLevel: o.specialisationLevel,
        frameworkAgreement: o.frameworkAgreement, budgetedOccupancyPct: o.budgetedOccupancyPct, status: o.status,
        lastConfirmedAt: o.lastConfirmedAt ? new Date(o.lastConfirmedAt) : null, supervision: o.supervision ? { ...o.supervision } : null,
        units: o.units ? { ...o.units } : null,
        ...(event.type === 'OfferRegistered' ? { paragraphs: o.paragraphs.map((p) => ({ ...p })) } : {}),
      };
    }
    case 'CapacityChanged': {
      const p = (event as NewEvent<'CapacityChanged'>).payload;
      const effective = p.reason === 'adjustment-effective' && state.status === 'adjusting';
      return {
        ...state, paragraphs: p.paragraphs.map((x) => ({ ...x })), occupiedPlaces: p.capacity.occupiedPlaces, reservedPlaces: p.capacity.reservedPlaces,
        ...(effective ? { status: 'active' as const, pendingAdjustment: null } : {}),
      };
    }
    case 'OfferClosureAnnounced':
      return { ...state, status: 'closure-announced', closureEffectiveDate: (event as NewEvent<'OfferClosureAnnounced'>).payload.effectiveDate };
    case 'OfferAdjustmentAnnounced': {
      const p = (event as NewEvent<'OfferAdjustmentAnnounced'>).payload;
      return { ...state, status: 'adjusting', pendingAdjustment: { paragraph: p.paragraph as Paragraph, approvedPlaces: p.approvedPlaces, effectiveDate: p.effectiveDate } };
    }
    case 'OfferClosed':
      return { ...state, status: 'closed' };
    default: {
      const never: never = event.type;
      throw new Error(`an offer does not evolve by ${String(never)}`);
    }
  }
}

/** Applies the drafts to the offer: numbered, evolved, returned with the state they leave. */
export function decide(offer: OfferState, drafts: readonly OfferDraft[]): Decision {
  return applyEvents(offer, drafts, evolveOffer);
}

export function approvedPlacesOf(offer: Pick<OfferState, 'paragraphs'>): number {
  return offer.paragraphs.reduce((sum, p) => sum + p.approvedPlaces, 0);
}

/** vacant = approved - occupied - reserved, never below zero. */
export function capacityOf(offer: OfferState): CapacityFigures {
  const approvedPlaces = approvedPlacesOf(offer);
  return {
    approvedPlaces,
    occupiedPlaces: offer.occupiedPlaces,
    reservedPlaces: offer.reservedPlaces,
    vacantPlaces: Math.max(0, approvedPlaces - offer.occupiedPlaces - offer.reservedPlaces),
  };
}

export function snapshotOf(offer: OfferState): OfferSnapshot {
  return {
    offerId: offer.id,
    name: offer.name,
    operator: { ...offer.operator },
    address: { ...offer.address },
    municipalityCode: offer.municipalityCode,
    regionCode: offer.regionCode,
    location: { ...offer.location },
    paragraphs: offer.paragraphs.map((p) => ({ ...p })),
    targetGroups: [...offer.targetGroups],
    specialisationLevel: offer.specialisationLevel,
    frameworkAgreement: offer.frameworkAgreement,
    budgetedOccupancyPct: offer.budgetedOccupancyPct,
    status: offer.status,
    lastConfirmedAt: offer.lastConfirmedAt ? offer.lastConfirmedAt.toISOString() : null,
    capacity: capacityOf(offer),
    demo: offer.demo,
    ...(offer.supervision ? { supervision: { ...offer.supervision } } : {}),
    ...(offer.units ? { units: { ...offer.units } } : {}),
  };
}

const OPERATOR_ID_RULES: Record<OperatorKind, { pattern: RegExp; rule: string; text: string }> = {
  municipality: { pattern: /^\d{4}$/, rule: 'municipality-code', text: 'a 4-digit municipality code' },
  region: { pattern: /^108[1-5]$/, rule: 'region-code', text: 'a region code 1081-1085' },
  private: { pattern: /^\d{8}$/, rule: 'cvr-number', text: 'an 8-digit CVR number' },
};

/** Registers a new offer: region from its municipality, active, confirmed now. */
export function registerOffer(input: NewOffer, now: Date): Decision {
  const regionCode = regionOfMunicipality(input.municipalityCode);
  if (!regionCode) {
    throw new RuleViolation('municipalityCode', 'known-municipality', `municipalityCode ${input.municipalityCode} is not one of the 98 municipalities`);
  }
  const idRule = OPERATOR_ID_RULES[input.operator.kind];
  if (!idRule.pattern.test(input.operator.id)) {
    throw new RuleViolation('operator.id', idRule.rule, `operator.id must be ${idRule.text} for a ${input.operator.kind} operator`);
  }
  const paragraphs = new Set(input.paragraphs.map((p) => p.paragraph));
  if (paragraphs.size !== input.paragraphs.length) {
    throw new RuleViolation('paragraphs', 'unique-paragraph', 'each paragraph may appear once');
  }
  const units = input.units ?? null;
  if (units && input.paragraphs.some((p) => p.approvedPlaces > 0)) {
    throw new RuleViolation('paragraphs', 'no-places-for-single-service', 'an offer that sells units (enkeltydelse) has no places: approvedPlaces must be 0');
  }
  if (units && (units.kind === 'team-visit') !== Boolean(units.travelRegions?.length)) {
    throw new RuleViolation('units.travelRegions', 'travel-regions-for-team-visits', 'units.travelRegions names the regions a travelling team visits, and is for team-visit offers only');
  }
  const blank: OfferState = {
    ...input,
    units: units ? { ...units, ...(units.travelRegions ? { travelRegions: [...new Set(units.travelRegions)].sort() } : {}) } : null,
    regionCode,
    status: 'active',
    lastConfirmedAt: now,
    occupiedPlaces: 0,
    reservedPlaces: 0,
    version: 0,
    closureEffectiveDate: null,
    pendingAdjustment: null,
    supervision: null,
  };
  return decide(blank, [{ type: 'OfferRegistered', aggregateId: blank.id, payload: { offer: snapshotOf(blank) } }]);
}

/**
 * Raises or lowers the approved places of one paragraph. Lowering below what is occupied and
 * reserved is refused: that takes an announced adjustment with a date.
 */
export function changeApprovedPlaces(offer: OfferState, change: { paragraph?: Paragraph; approvedPlaces: number }): Decision {
  const paragraph = change.paragraph ?? (offer.paragraphs.length === 1 ? offer.paragraphs[0].paragraph : undefined);
  if (!paragraph) {
    throw new RuleViolation('paragraph', 'required-when-several', 'paragraph is required: the offer has several legal bases');
  }
  if (!offer.paragraphs.some((p) => p.paragraph === paragraph)) {
    throw new RuleViolation('paragraph', 'offer-has-paragraph', `the offer has no places under SEL §${paragraph}`);
  }
  const paragraphs = offer.paragraphs.map((p) => (p.paragraph === paragraph ? { ...p, approvedPlaces: change.approvedPlaces } : { ...p }));
  const approved = approvedPlacesOf({ paragraphs });
  const taken = offer.occupiedPlaces + offer.reservedPlaces;
  if (approved < taken) {
    throw new RuleViolation(
      'approvedPlaces', 'not-below-occupied-and-reserved',
      `approvedPlaces would leave ${approved} places for ${offer.occupiedPlaces} occupied and ${offer.reservedPlaces} reserved; announce an adjustment with a date instead`,
      409, { minimumApprovedPlaces: Math.max(0, taken - (approved - change.approvedPlaces)) },
    );
  }
  return decide(offer, [capacityChanged('approved-places-changed', { paragraphs })]);
}

/** The manager confirms the offer's data is current (sets `lastConfirmedAt`). */
export function confirmOfferData(offer: OfferState, now: Date): Decision {
  return decide(offer, [offerUpdated({ lastConfirmedAt: now })]);
}

/** What an operator may change of an offer's description; capacity and closures have their own operations. */
export interface OfferChanges {
  name?: string;
  address?: OfferState['address'];
  location?: OfferState['location'];
  targetGroups?: string[];
  specialisationLevel?: SpecialisationLevel;
  frameworkAgreement?: boolean;
  budgetedOccupancyPct?: number;
  /** Open or close the offer to admissions (lukket for indskrivning). */
  status?: 'active' | 'closed-to-admissions';
  /** Socialtilsynet's latest decision and its date. */
  supervision?: { status: SupervisionStatusCode; decidedOn: string };
}

export function updateOffer(offer: OfferState, changes: OfferChanges, today = new Date().toISOString().slice(0, 10)): Decision {
  if (changes.supervision && changes.supervision.decidedOn > today) {
    throw new RuleViolation('supervision.decidedOn', 'not-in-future', 'supervision.decidedOn is the day socialtilsynet decided: not in the future');
  }
  if (changes.status && offer.status !== 'active' && offer.status !== 'closed-to-admissions') {
    throw new RuleViolation('status', 'status-open-or-closed-to-admissions', `an offer that is ${offer.status} cannot be opened or closed to admissions`, 409);
  }
  const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) as OfferChanges;
  return decide(offer, [offerUpdated(defined)]);
}

/**
 * A single service sells more or fewer units per period. Never fewer than a current or coming
 * period has taken already (booked or delivered): those bookings stand.
 */
export function changeUnitsPerPeriod(offer: OfferState, unitsPerPeriod: number, mostTakenInAPeriod: number): Decision {
  if (!offer.units) throw new RuleViolation('id', 'single-service', 'the offer has places, not units: change its approved places instead');
  if (unitsPerPeriod < mostTakenInAPeriod) {
    throw new RuleViolation('unitsPerPeriod', 'not-below-booked', `a current or coming period has ${mostTakenInAPeriod} units booked: unitsPerPeriod may not go below that`, 409,
      { minimumUnitsPerPeriod: mostTakenInAPeriod });
  }
  return decide(offer, [offerUpdated({ units: { ...offer.units, unitsPerPeriod } })]);
}
