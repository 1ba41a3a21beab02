import { Injectable } from '@nestjs/common';
import { IntervalJob } from '@tilbudsnet/platform';
import { PlacementsService } from './placements.service';

/** Every `VISITATION_JOB_INTERVAL_MS` (default 5000; 0 off): ends requests offers never answered. */
@Injectable()
export class PlacementJobs extends IntervalJob {
  constructor(private readonly placements: PlacementsService) {
    super('PlacementJobs', 'VISITATION_JOB_INTERVAL_MS', 5000);
  }

  protected work(now: Date): Promise<unknown> {
    return this.placements.timeOutUnanswered(now);
  }
}
