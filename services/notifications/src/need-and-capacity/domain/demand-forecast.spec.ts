import { exponentialSmoothing, forecastGapExceeds, forecastNeed } from './demand-forecast';

describe('the need forecast', () => {
  it('smooths the inflow exponentially with α = 0.3 (worked by hand)', () => {
    // L1 = 4; L2 = 0.3·10 + 0.7·4 = 5.8; L3 = 0.3·4 + 0.7·5.8 = 5.26
    expect(exponentialSmoothing([4, 10, 4])).toBeCloseTo(5.26, 10);
    expect(exponentialSmoothing([])).toBe(0);
    expect(exponentialSmoothing([7])).toBe(7);
  });

  it('needs inflow × mean stay plus the waiting list (Little\'s law), and compares it with the places left after closures', () => {
    // λ = 2 a month, W = 18 months from 5 completed stays: 36 places, + 4 waiting = 40; 40 approved − 6 closing = 34: gap 6.
    const f = forecastNeed({ monthlyStarts: [2, 2, 2], completedStayMonths: [12, 18, 24, 18, 18], currentStayMonths: [1, 2], waiting: 4, approved: 40, closingOrReduced: 6 });
    expect(f).toEqual({ monthlyInflow: 2, meanStayMonths: 18, stayBasis: 'completed', placesNeeded: 40, placesAvailable: 34, gap: 6 });
  });

  it('falls back to the current residents\' stays so far when fewer than 5 stays have ended, and says so', () => {
    const f = forecastNeed({ monthlyStarts: [1, 1], completedStayMonths: [30], currentStayMonths: [10, 20], waiting: 0, approved: 10, closingOrReduced: 0 });
    expect(f).toMatchObject({ stayBasis: 'current', meanStayMonths: 15, placesNeeded: 15, gap: 5 });
    expect(forecastNeed({ monthlyStarts: [], completedStayMonths: [], currentStayMonths: [], waiting: 2, approved: 0, closingOrReduced: 0 }))
      .toMatchObject({ stayBasis: 'none', placesNeeded: 2, gap: 2 });
  });

  it('fires the supply rule only for a shortfall above the threshold', () => {
    const f = forecastNeed({ monthlyStarts: [2, 2, 2], completedStayMonths: [12, 18, 24, 18, 18], currentStayMonths: [], waiting: 4, approved: 40, closingOrReduced: 6 });
    expect(forecastGapExceeds(f, 6).fires).toBe(false);
    expect(forecastGapExceeds(f, 5)).toMatchObject({ fires: true, threshold: 5, figures: { gap: 6, placesNeeded: 40, placesAvailable: 34 } });
  });
});
