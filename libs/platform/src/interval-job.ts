import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';

/**
 * A service's background work on a timer: every `<envVariable>` ms (the default if unset; 0 turns
 * it off), one run at a time; a failed run is logged and the next one retries. Tests call
 * `runOnce(now)` themselves with the timer off.
 */
export abstract class IntervalJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private readonly jobLog: Logger;

  protected constructor(private readonly name: string, private readonly envVariable: string, private readonly defaultMs: number) {
    this.jobLog = new Logger(name);
  }

  /** One run's work. */
  protected abstract work(now: Date): Promise<unknown>;

  onApplicationBootstrap(): void {
    // Nest calls this hook again when the Kafka microservice starts in the same container: one timer only.
    if (this.timer) return;
    const every = Number(process.env[this.envVariable] ?? this.defaultMs);
    if (every > 0) this.timer = setInterval(() => void this.runOnce(), every);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
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
