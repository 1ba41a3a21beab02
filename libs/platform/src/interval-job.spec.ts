import { IntervalJob } from './interval-job';

class CountingJob extends IntervalJob {
  runs: Date[] = [];
  constructor(firstRunAfterMs?: number, private readonly fail = false) {
    super('CountingJob', 'COUNTING_JOB_INTERVAL_MS', 1000, firstRunAfterMs);
  }
  protected async work(now: Date): Promise<void> {
    this.runs.push(now);
    if (this.fail) throw new Error('boom');
  }
}

describe('IntervalJob', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('keeps one timer when Nest bootstraps twice (HTTP app and Kafka microservice)', async () => {
    const job = new CountingJob();
    job.onApplicationBootstrap();
    job.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(3000);
    expect(job.runs).toHaveLength(3);
    await job.onApplicationShutdown();
  });

  it('runs once soon after start when asked, then on the interval', async () => {
    const job = new CountingJob(100);
    job.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(150);
    expect(job.runs).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(1000);
    expect(job.runs).toHaveLength(2);
    await job.onApplicationShutdown();
  });

  it('is off at 0, runs when called, and survives a failing run', async () => {
    process.env.COUNTING_JOB_INTERVAL_MS = '0';
    try {
      const job = new CountingJob(10, true);
      job.onApplicationBootstrap();
      await jest.advanceTimersByTimeAsync(5000);
      expect(job.runs).toHaveLength(0);
      await expect(job.runOnce(new Date('2026-11-23T00:00:00Z'))).resolves.toBeUndefined();
      expect(job.runs).toEqual([new Date('2026-11-23T00:00:00Z')]);
    } finally {
      delete process.env.COUNTING_JOB_INTERVAL_MS;
    }
  });
});
