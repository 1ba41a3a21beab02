import { Injectable } from '@nestjs/common';
import { IntervalJob } from '@tilbudsnet/platform';
import { randomUUID } from 'node:crypto';
import { MonitoringSupply } from './monitoring-supply';
import { RunningSupplyRules } from './running-supply-rules';

/**
 * Every `NOTIFICATIONS_JOB_INTERVAL_MS` (default 15 minutes; 0 off): runs the supply rules and
 * keeps today's snapshot (once a day; later runs find it taken).
 */
@Injectable()
export class SupplyJobs extends IntervalJob {
  constructor(private readonly rules: RunningSupplyRules, private readonly monitor: MonitoringSupply) {
    // A first run a minute after start, so a fresh system has today's snapshot and rule results.
    super('SupplyJobs', 'NOTIFICATIONS_JOB_INTERVAL_MS', 900_000, 60_000);
  }

  protected async work(now: Date): Promise<void> {
    const id = randomUUID();
    await this.rules.evaluateAll(now, { correlationId: id, causationId: id });
    await this.monitor.takeSnapshot(now);
  }
}
