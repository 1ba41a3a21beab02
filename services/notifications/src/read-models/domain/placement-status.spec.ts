import { PLACEMENT_STATUS_ORDER, type PlacementStatus } from './placement-status';

const rank = (status: PlacementStatus) => PLACEMENT_STATUS_ORDER.indexOf(status);

describe('the order a placement status moves forward in', () => {
  it('names every status once', () => {
    expect([...PLACEMENT_STATUS_ORDER].sort()).toEqual(['cancelled', 'ended', 'requested', 'reserved', 'started']);
  });

  it('lets a start overtake a reservation and a cancellation (a hold that expired while the officer confirmed)', () => {
    expect(rank('started')).toBeGreaterThan(rank('reserved'));
    expect(rank('started')).toBeGreaterThan(rank('cancelled'));
  });

  it('lets a cancellation overtake a reservation that came late, and only an end overtake a start', () => {
    expect(rank('cancelled')).toBeGreaterThan(rank('reserved'));
    expect(PLACEMENT_STATUS_ORDER.filter((s) => rank(s) > rank('started'))).toEqual(['ended']);
  });
});
