import { capacityNews } from './capacity-news';
import { tariffRisePct } from './tariff-rise';

describe('capacity news', () => {
  it('is a vacancy opening only when an admitting offer goes from none to some', () => {
    expect(capacityNews({ vacantPlaces: 0, status: 'active' }, { vacantPlaces: 2 }, 'placement-ended').vacancyOpened).toBe(true);
    expect(capacityNews({ vacantPlaces: 1, status: 'active' }, { vacantPlaces: 2 }, 'placement-ended').vacancyOpened).toBe(false);
    expect(capacityNews({ vacantPlaces: 0, status: 'closure-announced' }, { vacantPlaces: 2 }, 'placement-ended').vacancyOpened).toBe(false);
    expect(capacityNews({ vacantPlaces: 0, status: 'active' }, { vacantPlaces: 0 }, 'placement-ended').vacancyOpened).toBe(false);
  });

  it('tells buyers of approved-place changes, not of reservations', () => {
    expect(capacityNews({ vacantPlaces: 3, status: 'active' }, { vacantPlaces: 1 }, 'approved-places-changed').approvedPlacesChanged).toBe(true);
    expect(capacityNews({ vacantPlaces: 3, status: 'active' }, { vacantPlaces: 1 }, 'adjustment-effective').approvedPlacesChanged).toBe(true);
    expect(capacityNews({ vacantPlaces: 3, status: 'active' }, { vacantPlaces: 2 }, 'place-reserved').approvedPlacesChanged).toBe(false);
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
