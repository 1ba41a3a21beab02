import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { PlacementHolds } from '../placements/placement-holds.service';
import { OfferLifecycle } from './offer-lifecycle.service';

/**
 * Runs every `OFFERS_JOB_INTERVAL_MS` (default 5000; 0 turns it off): releases expired holds and
 * makes announced closures and reductions take effect on their day.
 */
@Injectable()
export class OfferJobs implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private readonly log = new Logger('OfferJobs');

  constructor(private readonly holds: PlacementHolds, private readonly lifecycle: OfferLifecycle) {}

  onApplicationBootstrap(): void {
    // Nest calls this hook again when the Kafka microservice starts in the same container: one timer only.
    if (this.timer) return;
    const every = Number(process.env.OFFERS_JOB_INTERVAL_MS ?? 5000);
    if (every > 0) this.timer = setInterval(() => void this.runOnce(), every);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  runOnce(now = new Date()): Promise<void> {
    this.running ??= (async () => {
      try {
        await this.holds.expireDue(now);
        await this.lifecycle.takeEffectDue(now);
      } catch (error) {
        this.log.warn(`offer jobs failed, next run retries: ${(error as Error).message}`);
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }
}
