import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { SupplyMonitorService } from './supply-monitor.service';
import { SupplyRulesService } from './supply-rules.service';

/**
 * Every `NOTIFICATIONS_JOB_INTERVAL_MS` (default 15 minutes; 0 off): runs the supply rules and
 * keeps today's snapshot (once a day; later runs find it taken).
 */
@Injectable()
export class SupplyJobs implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private readonly log = new Logger('SupplyJobs');

  constructor(private readonly rules: SupplyRulesService, private readonly monitor: SupplyMonitorService) {}

  onApplicationBootstrap(): void {
    // Nest calls this hook again when the Kafka microservice starts in the same container: one timer only.
    if (this.timer) return;
    const every = Number(process.env.NOTIFICATIONS_JOB_INTERVAL_MS ?? 900_000);
    if (every > 0) this.timer = setInterval(() => void this.runOnce(), every);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  runOnce(now = new Date()): Promise<void> {
    const id = randomUUID();
    this.running ??= this.rules.evaluateAll(now, { correlationId: id, causationId: id })
      .then(() => this.monitor.takeSnapshot(now))
      .then(() => undefined)
      .catch((error) => this.log.warn(`supply jobs failed, next run retries: ${(error as Error).message}`))
      .finally(() => { this.running = null; });
    return this.running;
  }
}
