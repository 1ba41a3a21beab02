import { capacityNews, overCapacityBy } from './capacity-news';
import { tariffRisePct } from './tariff-rise';

/** An offer of 4 approved places with `vacant` of them vacant (the rest occupied). */
const figures = (vacant: number, occupied = 4 - vacant, reserved = 0) => ({ approvedPlaces: 4, occupiedPlaces: occupied, reservedPlaces: reserved, vacantPlaces: vacant });

describe('capacity news', () => {
  it('is a vacancy opening only when an admitting offer goes from none to some', () => {
    expect(capacityNews({ vacantPlaces: 0, status: 'active' }, figures(2), 'placement-ended').vacancyOpened).toBe(true);
    expect(capacityNews({ vacantPlaces: 1, status: 'active' }, figures(2), 'placement-ended').vacancyOpened).toBe(false);
    expect(capacityNews({ vacantPlaces: 0, status: 'closure-announced' }, figures(2), 'placement-ended').vacancyOpened).toBe(false);
    expect(capacityNews({ vacantPlaces: 0, status: 'active' }, figures(0), 'placement-ended').vacancyOpened).toBe(false);
  });

  it('tells buyers of approved-place changes, not of reservations', () => {
    expect(capacityNews({ vacantPlaces: 3, status: 'active' }, figures(1), 'approved-places-changed').approvedPlacesChanged).toBe(true);
    expect(capacityNews({ vacantPlaces: 3, status: 'active' }, figures(1), 'adjustment-effective').approvedPlacesChanged).toBe(true);
    expect(capacityNews({ vacantPlaces: 3, status: 'active' }, figures(2), 'place-reserved').approvedPlacesChanged).toBe(false);
  });

  it('tells of an offer over capacity when it begins to hold more places than approved, not while it stays over', () => {
    expect(overCapacityBy(figures(0, 4, 1))).toBe(1);
    expect(overCapacityBy(figures(0, 4, 0))).toBe(0);
    expect(capacityNews({ vacantPlaces: 0, status: 'active', overCapacityBy: 0 }, figures(0, 4, 1), 'placement-started').overCapacityBegan).toBe(true);
    expect(capacityNews({ vacantPlaces: 0, status: 'active', overCapacityBy: 1 }, figures(0, 5, 1), 'placement-started').overCapacityBegan).toBe(false);
    expect(capacityNews({ vacantPlaces: 0, status: 'active', overCapacityBy: 0 }, figures(0, 4, 0), 'placement-started').overCapacityBegan).toBe(false);
  });
});

describe('tariff rise', () => {
  it('is the rise in percent with one decimal, rounded half away from zero', () => {
    expect(tariffRisePct('1000.00', '1051.00')).toBe(5.1);
    expect(tariffRisePct('1000.00', '1050.50')).toBe(5.1); // 5.05 -> 5.1
    expect(tariffRisePct('1000.00', '1050.49')).toBe(5);
    expect(tariffRisePct('1441.96', '1441.96')).toBe(0);
    expect(tariffRisePct('1000.00', '949.50')).toBe(-5.1);
  });

  it('has nothing to compare with for a first tariff', () => {
    expect(tariffRisePct(null, '1000.00')).toBeNull();
    expect(tariffRisePct('0.00', '1000.00')).toBeNull();
  });
});
