import { periodBounds, periodKind, periodOf } from './single-services';

describe('periods of single services', () => {
  it('bounds a month from its first to its last day, leap February included', () => {
    expect(periodBounds('2026-12')).toEqual({ first: '2026-12-01', last: '2026-12-31' });
    expect(periodBounds('2028-02')).toEqual({ first: '2028-02-01', last: '2028-02-29' });
  });

  it('bounds an ISO week from Monday to Sunday, across a new year', () => {
    // 4 January 2026 is a Sunday: week 1 runs 29 December 2025 - 4 January 2026.
    expect(periodBounds('2026-W01')).toEqual({ first: '2025-12-29', last: '2026-01-04' });
    expect(periodBounds('2026-W50')).toEqual({ first: '2026-12-07', last: '2026-12-13' });
    // 2026 has 53 ISO weeks (it starts on a Thursday); 2027 has 52.
    expect(periodBounds('2026-W53')).toEqual({ first: '2026-12-28', last: '2027-01-03' });
    expect(periodBounds('2027-W53')).toBeNull();
  });

  it('finds the period of a day, the ISO week of early January in the year before', () => {
    expect(periodOf('2026-12-07', 'month')).toBe('2026-12');
    expect(periodOf('2026-12-07', 'week')).toBe('2026-W50');
    expect(periodOf('2027-01-03', 'week')).toBe('2026-W53');
    expect(periodOf('2025-12-29', 'week')).toBe('2026-W01');
  });

  it('tells a week from a month and refuses anything else', () => {
    expect(periodKind('2026-W50')).toBe('week');
    expect(periodKind('2026-12')).toBe('month');
    expect(periodKind('2026-13')).toBeNull();
    expect(periodKind('2026-W54')).toBeNull();
    expect(periodBounds('december')).toBeNull();
  });
});
