import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';

/**
 * A service's background work on a timer: every `<envVariable>` ms (the default if unset; 0 turns
 * it off), one run at a time; a failed run is logged and the next one retries. Tests call
 * `runOnce(now)` themselves with the timer off.
 */
export abstract class IntervalJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | null = null;
  private first: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private readonly jobLog: Logger;

  /** `firstRunAfterMs`: also run once this soon after start (when the timer is on), not only after the first interval. */
  protected constructor(
    private readonly name: string, private readonly envVariable: string, private readonly defaultMs: number, private readonly firstRunAfterMs?: number,
  ) {
    this.jobLog = new Logger(name);
  }

  /** One run's work. */
  protected abstract work(now: Date): Promise<unknown>;

  onApplicationBootstrap(): void {
    // Nest calls this hook again when the Kafka microservice starts in the same container: one timer only.
    if (this.timer) return;
    const every = Number(process.env[this.envVariable] ?? this.defaultMs);
    if (every <= 0) return;
    this.timer = setInterval(() => void this.runOnce(), every);
    if (this.firstRunAfterMs !== undefined && this.firstRunAfterMs < every) this.first = setTimeout(() => void this.runOnce(), this.firstRunAfterMs);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    if (this.first) clearTimeout(this.first);
    await this.running;
  }

  runOnce(now = new Date()): Promise<void> {
    this.running ??= this.work(now)
      .then(() => undefined)
      .catch((error) => this.jobLog.warn(`${this.name} failed, next run retries: ${(error as Error).message}`))
      .finally(() => { this.running = null; });
    return this.running;
  }
}
