import { RuleViolation } from '@tilbudsnet/contracts';
import { capacityOf, changeApprovedPlaces, registerOffer, snapshotOf, updateOffer, type NewOffer, type OfferState } from './offer';

const NOW = new Date('2026-11-23T10:00:00Z');

function newOffer(overrides: Partial<NewOffer> = {}): NewOffer {
  return {
    id: '0e1d7c52-3a4b-4c1e-9d7f-3f2b1a6c8e11',
    name: 'Bostedet Egebakken',
    operator: { kind: 'municipality', id: '0751', name: 'Aarhus Kommune' },
    address: { street: 'Egebakken 12', postalCode: '8210', city: 'Aarhus V' },
    municipalityCode: '0751',
    location: { lat: 56.16, lon: 10.16 },
    paragraphs: [{ paragraph: '108', approvedPlaces: 10 }],
    targetGroups: ['autism'],
    specialisationLevel: 'specialised',
    frameworkAgreement: true,
    budgetedOccupancyPct: 95,
    demo: false,
    ...overrides,
  };
}

function withPlaces(offer: OfferState, occupiedPlaces: number, reservedPlaces: number): OfferState {
  return { ...offer, occupiedPlaces, reservedPlaces };
}

describe('registering an offer', () => {
  it('takes its region from its municipality and starts active with all places vacant', () => {
    const { state, events } = registerOffer(newOffer(), NOW);
    expect(state).toMatchObject({ regionCode: '1082', status: 'active', version: 1, lastConfirmedAt: NOW });
    expect(events).toEqual([expect.objectContaining({ type: 'OfferRegistered', aggregateVersion: 1 })]);
    expect(events[0].payload).toMatchObject({ offer: { capacity: { approvedPlaces: 10, vacantPlaces: 10 } } });
  });

  it('refuses a municipality code that is not one of the 98', () => {
    expect(() => registerOffer(newOffer({ municipalityCode: '0411' }), NOW)).toThrow(
      expect.objectContaining({ field: 'municipalityCode', rule: 'known-municipality' }),
    );
  });

  it('refuses a private operator without an 8-digit CVR number', () => {
    const operator = { kind: 'private' as const, id: '1234', name: 'Privat ApS' };
    expect(() => registerOffer(newOffer({ operator }), NOW)).toThrow(expect.objectContaining({ field: 'operator.id', rule: 'cvr-number' }));
  });
});

describe('changing approved places', () => {
  const registered = registerOffer(newOffer(), NOW).state;

  it('raises the places and reports every figure', () => {
    const { state, events } = changeApprovedPlaces(withPlaces(registered, 6, 2), { approvedPlaces: 12 });
    expect(capacityOf(state)).toEqual({ approvedPlaces: 12, occupiedPlaces: 6, reservedPlaces: 2, vacantPlaces: 4 });
    expect(events[0]).toMatchObject({ type: 'CapacityChanged', aggregateVersion: 2, payload: { reason: 'approved-places-changed' } });
  });

  it('lowers to exactly occupied plus reserved, leaving no vacancy', () => {
    const { state } = changeApprovedPlaces(withPlaces(registered, 6, 2), { approvedPlaces: 8 });
    expect(capacityOf(state).vacantPlaces).toBe(0);
  });

  it('refuses to lower below occupied plus reserved and says the minimum', () => {
    const attempt = () => changeApprovedPlaces(withPlaces(registered, 6, 2), { approvedPlaces: 7 });
    expect(attempt).toThrow(RuleViolation);
    expect(attempt).toThrow(expect.objectContaining({ field: 'approvedPlaces', rule: 'not-below-occupied-and-reserved', status: 409, details: { minimumApprovedPlaces: 8 } }));
  });

  it('needs the paragraph when the offer has several', () => {
    const two = { ...registered, paragraphs: [{ paragraph: '108' as const, approvedPlaces: 5 }, { paragraph: '107' as const, approvedPlaces: 3 }] };
    expect(() => changeApprovedPlaces(two, { approvedPlaces: 4 })).toThrow(expect.objectContaining({ rule: 'required-when-several' }));
    expect(capacityOf(changeApprovedPlaces(two, { paragraph: '107', approvedPlaces: 4 }).state).approvedPlaces).toBe(9);
  });
});

describe('updating an offer\'s description', () => {
  const registered = registerOffer(newOffer(), NOW).state;

  it('changes what is given, keeps the rest, and reports the whole new state', () => {
    const { state, events } = updateOffer(registered, { name: 'Egebakken II', targetGroups: ['autism', 'dual-diagnosis'], status: 'closed-to-admissions' });
    expect(state).toMatchObject({ name: 'Egebakken II', targetGroups: ['autism', 'dual-diagnosis'], status: 'closed-to-admissions', municipalityCode: '0751', version: 2 });
    expect(events[0]).toMatchObject({ type: 'OfferUpdated', aggregateVersion: 2, payload: { offer: { name: 'Egebakken II', status: 'closed-to-admissions' } } });
  });

  it('records socialtilsynet\'s decision, carries it in the event, and refuses a decision dated in the future', () => {
    expect(snapshotOf(registered)).not.toHaveProperty('supervision');
    const { state, events } = updateOffer(registered, { supervision: { status: 'approved-with-conditions', decidedOn: '2026-09-15' } }, '2026-11-23');
    expect(state.supervision).toEqual({ status: 'approved-with-conditions', decidedOn: '2026-09-15' });
    expect(events[0]).toMatchObject({ type: 'OfferUpdated', payload: { offer: { supervision: { status: 'approved-with-conditions', decidedOn: '2026-09-15' } } } });
    // The next change keeps it.
    expect(updateOffer(state, { name: 'Egebakken II' }, '2026-11-23').state.supervision).toEqual(state.supervision);
    expect(() => updateOffer(registered, { supervision: { status: 'approved', decidedOn: '2026-11-24' } }, '2026-11-23')).toThrow(expect.objectContaining({ field: 'supervision.decidedOn', rule: 'not-in-future' }));
  });

  it('does not reopen an offer whose closure is announced', () => {
    expect(() => updateOffer({ ...registered, status: 'closure-announced' }, { status: 'active' })).toThrow(expect.objectContaining({ rule: 'status-open-or-closed-to-admissions' }));
  });
});
