import { MIN_PLACEMENTS_SHOWN, goalIsMet, offerEffect, progressionPerYear, type MeasuredGoal } from './effect';

const goal = (placementId: string, area: string, levels: [number, string][]): MeasuredGoal => ({ placementId, area, measurements: levels.map(([level, measuredOn]) => ({ level, measuredOn })) });

describe('effect of an offer from its goals', () => {
  it('meets a goal whose latest measurement is 0 or above, whatever came before', () => {
    expect(goalIsMet(goal('p', 'health', [[-2, '2026-01-01'], [0, '2026-06-01']]))).toBe(true);
    expect(goalIsMet(goal('p', 'health', [[1, '2026-01-01'], [-1, '2026-06-01']]))).toBe(false);
    expect(goalIsMet(goal('p', 'health', []))).toBe(false);
  });

  it('measures progression per year between the first and last measurement, from 30 days on', () => {
    // From −2 to 0 over 182 days (the middle measurement does not count): about 4 levels a year.
    expect(progressionPerYear(goal('p', 'health', [[-2, '2026-01-01'], [-1, '2026-03-01'], [0, '2026-07-02']]))).toBeCloseTo(2 / (182 / 365.25), 5);
    expect(progressionPerYear(goal('p', 'health', [[-2, '2025-01-01'], [0, '2026-01-01']]))).toBeCloseTo(2 * 365.25 / 365, 5);
    expect(progressionPerYear(goal('p', 'health', [[-1, '2026-01-01'], [0, '2026-01-20']]))).toBeNull();
    expect(progressionPerYear(goal('p', 'health', [[-1, '2026-01-01']]))).toBeNull();
  });

  it(`shows nothing, not even the count, below ${MIN_PLACEMENTS_SHOWN} placements with a measured goal`, () => {
    const four = ['a', 'b', 'c', 'd'].map((p) => goal(p, 'health', [[0, '2026-01-01']]));
    // Many goals of four placements are still four placements.
    expect(offerEffect([...four, ...four, goal('e', 'health', [])])).toEqual({ enoughData: false, placements: null, goalsMeasured: null, goalsMetShare: null, areas: [] });
  });

  it('computes the share of goals met and suppresses an area resting on fewer than 5 placements', () => {
    const goals = [
      ...['a', 'b', 'c', 'd', 'e'].map((p, i) => goal(p, 'social-life', [[-2, '2025-06-01'], [i < 3 ? 0 : -1, '2026-06-01']])),
      ...['a', 'b', 'c'].map((p) => goal(p, 'health', [[-1, '2025-06-01'], [1, '2026-06-01']])),
    ];
    const effect = offerEffect(goals);
    expect(effect).toMatchObject({ enoughData: true, placements: 5, goalsMeasured: 8, goalsMetShare: 0.75 });
    expect(effect.areas).toEqual([
      { area: 'health', suppressed: true, placements: null, progressionPerYear: null },
      // (2 + 2 + 2 + 1 + 1) / 5 levels over 365 days, per year of 365.25 days.
      { area: 'social-life', suppressed: false, placements: 5, progressionPerYear: Math.round((8 / 5) * (365.25 / 365) * 100) / 100 },
    ]);
  });
});
