import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { PlacementsService } from './placements.service';

/** Every `VISITATION_JOB_INTERVAL_MS` (default 5000; 0 off): ends requests offers never answered. */
@Injectable()
export class PlacementJobs implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private readonly log = new Logger('PlacementJobs');

  constructor(private readonly placements: PlacementsService) {}

  onApplicationBootstrap(): void {
    // Nest calls this hook again when the Kafka microservice starts in the same container: one timer only.
    if (this.timer) return;
    const every = Number(process.env.VISITATION_JOB_INTERVAL_MS ?? 5000);
    if (every > 0) this.timer = setInterval(() => void this.runOnce(), every);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  runOnce(now = new Date()): Promise<void> {
    this.running ??= this.placements.timeOutUnanswered(now)
      .then(() => undefined)
      .catch((error) => this.log.warn(`placement jobs failed, next run retries: ${(error as Error).message}`))
      .finally(() => { this.running = null; });
    return this.running;
  }
}
