import type { DataSource, EntityManager } from 'typeorm';
import type { KafkaEventTransport } from '../consumer/kafka-event-transport';
import type { ReadProgress } from './read-to-end';

/** A read model a service can rebuild from its topics: the tables it empties first. */
export interface ReadModelDefinition {
  name: string;
  topics: string[];
  tables: string[];
}

export interface RebuildStatus {
  name: string;
  state: 'idle' | 'running' | 'done' | 'failed';
  topics: string[];
  total: number;
  processed: number;
  percent: number;
  startedAt: string | null;
  finishedAt: string | null;
  eventsPerSecond: number | null;
  error: string | null;
}

/**
 * The service's rebuildable read models and the state of their last rebuild. One rebuild at a time
 * per process: it pauses the live consumer while it runs.
 */
export class ReadModelRebuilds {
  /** Set by `connectEventConsumer`. */
  transport: KafkaEventTransport | null = null;
  private readonly status = new Map<string, RebuildStatus>();

  constructor(readonly definitions: readonly ReadModelDefinition[], private readonly dataSource: DataSource) {
    for (const d of definitions) this.status.set(d.name, idle(d));
  }

  /**
   * Rebuilds again, from the start, every read model whose last rebuild began and never ended (the
   * process died in it): its tables were emptied then. Called once the live consumer runs; returns
   * how each ended. A rebuild that cannot start (another replica in the group) keeps its mark.
   */
  async resumeUnfinished(): Promise<RebuildStatus[]> {
    const unfinished: { name: string }[] = await this.dataSource.query('SELECT name FROM messaging_rebuilds WHERE finished_at IS NULL ORDER BY started_at');
    const ended: RebuildStatus[] = [];
    for (const { name } of unfinished.filter((u) => this.status.has(u.name))) {
      const { wait } = await this.start(name);
      ended.push(await wait);
    }
    return ended;
  }

  list(): RebuildStatus[] {
    return [...this.status.values()];
  }

  get(name: string): RebuildStatus | undefined {
    return this.status.get(name);
  }

  /** Starts a rebuild and returns once it runs; `wait` resolves when it ends. */
  async start(name: string): Promise<{ status: RebuildStatus; wait: Promise<RebuildStatus> }> {
    const definition = this.definitions.find((d) => d.name === name);
    if (!definition) throw new Error(`no read model ${name}`);
    if (!this.transport) throw new Error('this service has no event consumer');
    if (this.list().some((s) => s.state === 'running')) throw new RebuildRunning();
    await this.transport.assertAloneInGroup();
    if (this.list().some((s) => s.state === 'running')) throw new RebuildRunning();
    const status: RebuildStatus = { ...idle(definition), state: 'running', startedAt: new Date().toISOString() };
    this.status.set(name, status);
    const began = Date.now();
    const update = (p: ReadProgress) => {
      status.total = p.total;
      status.processed = p.processed;
      status.percent = p.total ? Math.floor((p.processed / p.total) * 100) : 100;
      status.eventsPerSecond = Math.round(p.processed / Math.max(0.001, (Date.now() - began) / 1000));
    };
    const clear = async (manager: EntityManager) => {
      for (const table of definition.tables) await manager.query(`TRUNCATE TABLE ${table}`);
      // In the emptying's transaction: from here until the mark is cleared, a crash leaves it.
      await manager.query(
        'INSERT INTO messaging_rebuilds (name, started_at) VALUES ($1, now()) ON CONFLICT (name) DO UPDATE SET started_at = now(), finished_at = NULL', [name]);
    };
    const wait = this.transport.rebuild(definition.topics, clear, update)
      .then(async (p) => {
        await this.dataSource.query('UPDATE messaging_rebuilds SET finished_at = now() WHERE name = $1', [name]);
        update(p);
        status.state = 'done';
        return status;
      })
      .catch((error: Error) => {
        status.state = 'failed';
        status.error = error.message;
        return status;
      })
      .finally(() => { status.finishedAt = new Date().toISOString(); });
    return { status, wait };
  }
}

export class RebuildRunning extends Error {
  constructor() {
    super('a rebuild is running; wait for it to end');
  }
}

function idle(d: ReadModelDefinition): RebuildStatus {
  return { name: d.name, state: 'idle', topics: d.topics, total: 0, processed: 0, percent: 0, startedAt: null, finishedAt: null, eventsPerSecond: null, error: null };
}
