import { kroner } from '../../domain/money';
import { anonymisedRanking, figuresOf, monthsBetween, relationOf, steeringCells, trend, type PlacementMonth } from './steering-figures';

const row = (n: number, over: Partial<PlacementMonth> = {}): PlacementMonth => ({
  placementId: `p${n}`, month: '2026-10', payingMunicipality: '0751', operator: 'municipality:0751', targetGroup: 'autism', paragraph: '108',
  days: 31, spend: kroner('31000.00'), ...over,
});

describe('relationOf', () => {
  it('calls an offer of the paying municipality its own, a private one private, and any other public one bought', () => {
    expect(relationOf('municipality:0751', '0751')).toBe('own');
    expect(relationOf('municipality:0101', '0751')).toBe('bought');
    expect(relationOf('region:1082', '0751')).toBe('bought');
    expect(relationOf('private:12345678', '0751')).toBe('private');
  });
});

describe('figuresOf', () => {
  it('counts placements once, adds days and spend, and gives the day rate and the shares of days (worked by hand)', () => {
    const rows = [
      row(1), row(1, { month: '2026-11', days: 30, spend: kroner('30000.00') }), // own: 61 days, 61,000.00
      row(2, { operator: 'municipality:0101', days: 20, spend: kroner('40000.00') }), // bought: 20 days, 40,000.00
      row(3, { operator: 'private:12345678', days: 19, spend: kroner('19000.50') }), // private: 19 days
      row(4, { days: 0, spend: kroner('900.00') }), // a special measure only
    ];
    // 100 days, 61,000 + 40,000 + 19,000.50 + 900 = 120,900.50; 1,209.005 a day → 1,209.01 (half up).
    expect(figuresOf(rows)).toEqual({ placements: 4, days: 100, spend: '120900.50', averageDayRate: '1209.01', shares: { own: 61, bought: 20, private: 19 } });
  });

  it('has no day rate when no day was billed', () => {
    expect(figuresOf([row(1, { days: 0 })]).averageDayRate).toBeNull();
  });
});

describe('steeringCells', () => {
  it('suppresses a cell under 5 placements entirely and shows one with 5', () => {
    const five = [1, 2, 3, 4, 5].map((n) => row(n));
    const four = [6, 7, 8, 9].map((n) => row(n, { targetGroup: 'adhd' }));
    const cells = steeringCells([...five, ...four]);
    expect(cells).toEqual([
      { payingMunicipality: '0751', month: '2026-10', targetGroup: 'adhd', paragraph: '108', suppressed: true, figures: null },
      { payingMunicipality: '0751', month: '2026-10', targetGroup: 'autism', paragraph: '108', suppressed: false,
        figures: { placements: 5, days: 155, spend: '155000.00', averageDayRate: '1000.00', shares: { own: 100, bought: 0, private: 0 } } },
    ]);
  });

  it('keeps months, paragraphs and municipalities apart', () => {
    const rows = [row(1), row(2, { month: '2026-11' }), row(3, { paragraph: '107' }), row(4, { payingMunicipality: '0101' })];
    expect(steeringCells(rows)).toHaveLength(4);
  });
});

describe('trend', () => {
  it('gives every month asked for, a month without billing suppressed', () => {
    const rows = [1, 2, 3, 4, 5].map((n) => row(n));
    const months = trend(rows, ['2026-09', '2026-10']);
    expect(months[0]).toEqual({ month: '2026-09', suppressed: true, figures: null });
    expect(months[1].figures?.placements).toBe(5);
  });
});

describe('anonymisedRanking', () => {
  it('ranks by day rate without names, marks the asker, and leaves out municipalities under 5 placements', () => {
    const cheap = [1, 2, 3, 4, 5].map((n) => row(n, { payingMunicipality: '0751', spend: kroner('15500.00') })); // 500.00 a day
    const dear = [6, 7, 8, 9, 10].map((n) => row(n, { payingMunicipality: '0101', operator: 'private:12345678' })); // 1,000.00
    const small = [11, 12].map((n) => row(n, { payingMunicipality: '0147', spend: kroner('310000.00') }));
    const ranking = anonymisedRanking([...cheap, ...dear, ...small], '0751');
    expect(ranking).toEqual([
      { rank: 1, self: false, averageDayRate: '1000.00', shares: { own: 0, bought: 0, private: 100 } },
      { rank: 2, self: true, averageDayRate: '500.00', shares: { own: 100, bought: 0, private: 0 } },
    ]);
    expect(JSON.stringify(ranking)).not.toMatch(/0101|0147/);
  });
});

describe('monthsBetween', () => {
  it('walks across a new year', () => {
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsBetween('2026-03', '2026-02')).toEqual([]);
  });
});
