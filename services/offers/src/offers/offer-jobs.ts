import { Injectable } from '@nestjs/common';
import { IntervalJob } from '@tilbudsnet/platform';
import { UnitBookings } from './bookings/unit-bookings';
import { PlacementHolds } from './placements/placement-holds';
import { TakingEffect } from './take-effect/taking-effect';

/**
 * Runs every `OFFERS_JOB_INTERVAL_MS` (default 5000; 0 turns it off): releases expired holds and
 * makes announced closures and reductions take effect on their day; ends bookings of units whose period is over.
 */
@Injectable()
export class OfferJobs extends IntervalJob {
  constructor(private readonly holds: PlacementHolds, private readonly takingEffect: TakingEffect, private readonly bookings: UnitBookings) {
    super('OfferJobs', 'OFFERS_JOB_INTERVAL_MS', 5000);
  }

  protected async work(now: Date): Promise<void> {
    await this.holds.expireDue(now);
    await this.takingEffect.takeEffectDue(now);
    await this.bookings.completeEnded(now);
  }
}
