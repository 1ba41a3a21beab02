import { backoffDelayMs, isTransientInfrastructureError } from './retry-policy';

describe('retry policy', () => {
  it('doubles the delay per attempt up to the cap', () => {
    expect([1, 2, 3, 4, 5, 6].map((a) => backoffDelayMs(a, 100, 1000))).toEqual([100, 200, 400, 800, 1000, 1000]);
  });

  it('treats a refused database connection as transient', () => {
    expect(isTransientInfrastructureError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isTransientInfrastructureError({ driverError: { code: '57P01' }, message: 'terminating connection' })).toBe(true);
  });

  it('treats a broken rule in a handler as not transient', () => {
    expect(isTransientInfrastructureError(new Error('offer 42 is unknown'))).toBe(false);
    expect(isTransientInfrastructureError({ code: '23505', message: 'duplicate key' })).toBe(false);
  });
});
