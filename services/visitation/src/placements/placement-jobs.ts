import { Injectable } from '@nestjs/common';
import { IntervalJob } from '@tilbudsnet/platform';
import { TimingOut } from './time-out/timing-out';

/** Every `VISITATION_JOB_INTERVAL_MS` (default 5000; 0 off): ends requests offers never answered. */
@Injectable()
export class PlacementJobs extends IntervalJob {
  constructor(private readonly timingOut: TimingOut) {
    super('PlacementJobs', 'VISITATION_JOB_INTERVAL_MS', 5000);
  }

  protected work(now: Date): Promise<unknown> {
    return this.timingOut.timeOutUnanswered(now);
  }
}
