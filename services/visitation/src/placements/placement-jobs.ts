import { Injectable } from '@nestjs/common';
import { IntervalJob } from '@tilbudsnet/platform';
import { BookingSaga } from '../bookings/booking-saga';
import { TimingOut } from './time-out/timing-out';

/** Every `VISITATION_JOB_INTERVAL_MS` (default 5000; 0 off): ends placement requests and bookings offers never answered. */
@Injectable()
export class PlacementJobs extends IntervalJob {
  constructor(private readonly timingOut: TimingOut, private readonly bookings: BookingSaga) {
    super('PlacementJobs', 'VISITATION_JOB_INTERVAL_MS', 5000);
  }

  protected async work(now: Date): Promise<unknown> {
    await this.bookings.timeOutUnanswered(now);
    return this.timingOut.timeOutUnanswered(now);
  }
}
