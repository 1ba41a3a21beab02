import { rateFromEnv, RateLimiter } from './rate-limit';

describe('rate limits', () => {
  it('lets a burst through, then one request per refill, and says how long to wait', () => {
    const limiter = new RateLimiter({ perSecond: 2, burst: 3 });
    const t = 1_000_000;
    expect([limiter.take('a', t), limiter.take('a', t), limiter.take('a', t)]).toEqual([null, null, null]);
    expect(limiter.take('a', t)).toBe(1);
    expect(limiter.take('b', t)).toBeNull(); // another client has its own bucket
    expect(limiter.take('a', t + 500)).toBeNull(); // half a second refills one at 2/s
    expect(limiter.take('a', t + 500)).toBe(1);
  });

  it('remembers a bounded number of clients', () => {
    const limiter = new RateLimiter({ perSecond: 1, burst: 1 }, 2);
    limiter.take('a', 0);
    limiter.take('b', 0);
    limiter.take('c', 0); // forgets a
    expect(limiter.take('a', 0)).toBeNull();
  });

  it('reads its setting as <per second>/<burst>', () => {
    expect(rateFromEnv('200/1000', { perSecond: 1, burst: 1 })).toEqual({ perSecond: 200, burst: 1000 });
    expect(rateFromEnv('nonsense', { perSecond: 1, burst: 2 })).toEqual({ perSecond: 1, burst: 2 });
  });
});
