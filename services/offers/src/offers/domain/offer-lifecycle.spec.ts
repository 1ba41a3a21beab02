import { announceAdjustment, announceClosure, takeEffect } from './offer-lifecycle';
import { changeApprovedPlaces, evolveOffer, registerOffer, type Decision, type OfferState } from './offer';

const NOW = new Date('2026-11-23T10:00:00Z');
const RULE = { noticeMonths: 3 };

function registered(): OfferState {
  return registerOffer({
    id: '0e1d7c52-3a4b-4c1e-9d7f-3f2b1a6c8e11', name: 'Bostedet Egebakken', operator: { kind: 'municipality', id: '0751', name: 'Aarhus Kommune' },
    address: { street: 'Egebakken 12', postalCode: '8210', city: 'Aarhus V' }, municipalityCode: '0751', location: { lat: 56.16, lon: 10.16 },
    paragraphs: [{ paragraph: '108', approvedPlaces: 10 }, { paragraph: '107', approvedPlaces: 4 }], targetGroups: ['autism'], specialisationLevel: 'specialised',
    frameworkAgreement: true, budgetedOccupancyPct: 95, demo: false,
  }, NOW).state;
}

/** What every consumer does with the events: it must end where the decider says the offer is. */
function replayed(before: OfferState, decision: Decision): OfferState {
  return decision.events.reduce((state, event) => ({ ...evolveOffer(state, event), version: event.aggregateVersion }), before);
}

function expectConsistent(before: OfferState, decision: Decision): void {
  expect(decision.events.map((e) => e.aggregateVersion)).toEqual(decision.events.map((_, i) => before.version + 1 + i));
  expect(replayed(before, decision)).toEqual(decision.state);
}

describe('offer life cycle, decided as events and evolved by them', () => {
  it('announces a closure with the notice rule, then closes the offer on the day with no places left', () => {
    const offer = { ...registered(), occupiedPlaces: 3 };
    const announced = announceClosure(offer, { effectiveDate: '2027-03-01' }, '2026-11-23', RULE);
    expectConsistent(offer, announced);
    expect(announced.events.map((e) => e.type)).toEqual(['OfferClosureAnnounced', 'OfferUpdated']);
    expect(announced.state).toMatchObject({ status: 'closure-announced', closureEffectiveDate: '2027-03-01', version: 3 });
    expect(takeEffect(announced.state, '2027-02-28')).toBeNull();

    const closed = takeEffect(announced.state, '2027-03-01')!;
    expectConsistent(announced.state, closed);
    expect(closed.events.map((e) => e.type)).toEqual(['OfferClosed', 'CapacityChanged', 'OfferUpdated']);
    expect(closed.state).toMatchObject({ status: 'closed', version: 6, paragraphs: [{ paragraph: '108', approvedPlaces: 0 }, { paragraph: '107', approvedPlaces: 0 }] });
    expect(closed.events[2].payload).toMatchObject({ offer: { status: 'closed', capacity: { approvedPlaces: 0 } } });
  });

  it('announces a reduction, then on the day reduces the places, clears the pending adjustment and admits again', () => {
    const offer = registered();
    const announced = announceAdjustment(offer, { paragraph: '108', approvedPlaces: 6, effectiveDate: '2027-03-01' }, '2026-11-23', RULE);
    expectConsistent(offer, announced);
    expect(announced.state).toMatchObject({ status: 'adjusting', pendingAdjustment: { paragraph: '108', approvedPlaces: 6 } });

    const effective = takeEffect(announced.state, '2027-03-01')!;
    expectConsistent(announced.state, effective);
    expect(effective.state).toMatchObject({ status: 'active', pendingAdjustment: null, paragraphs: [{ paragraph: '108', approvedPlaces: 6 }, { paragraph: '107', approvedPlaces: 4 }] });
    expect(effective.events[1].payload).toMatchObject({ offer: { status: 'active', capacity: { approvedPlaces: 10 } } });
  });

  it('numbers a capacity change after the offer\'s last event', () => {
    const offer = registered();
    const changed = changeApprovedPlaces(offer, { paragraph: '107', approvedPlaces: 5 });
    expectConsistent(offer, changed);
    expect(changed.events).toEqual([expect.objectContaining({ type: 'CapacityChanged', aggregateVersion: 2 })]);
  });
});
