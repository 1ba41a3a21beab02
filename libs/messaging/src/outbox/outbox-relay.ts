import { createHash } from 'node:crypto';
import type { DataSource, QueryRunner } from 'typeorm';
import type { BusProducer, MessageBus, OutgoingMessage } from '../bus/message-bus';

export interface OutboxRelayOptions {
  /** Names the service; one relay per service holds the lock. */
  service: string;
  batchSize?: number;
  /** How long to sleep when the outbox is empty (a nudge wakes it early). */
  idleMs?: number;
  /** How long a standby instance waits before trying the lock again. */
  standbyMs?: number;
  onError?: (error: unknown) => void;
  /** Published outbox rows are kept this long (tests and operators read them), then deleted in bulk. Default 1 h. */
  outboxRetentionMs?: number;
  /** Inbox rows are kept this long, which must cover any redelivery (offsets are committed within seconds). Default 14 days. */
  inboxRetentionMs?: number;
  /** How often the leader prunes. Default 1 min. */
  pruneEveryMs?: number;
}

/** Rows deleted per statement when pruning, so a prune never holds locks or bloats WAL for long. */
const PRUNE_CHUNK = 5000;

/** Retention from the environment: `OUTBOX_RETENTION_MINUTES` (60), `INBOX_RETENTION_DAYS` (14). */
export function retentionFromEnv(env: NodeJS.ProcessEnv = process.env): Pick<OutboxRelayOptions, 'outboxRetentionMs' | 'inboxRetentionMs'> {
  return {
    outboxRetentionMs: Number(env.OUTBOX_RETENTION_MINUTES ?? 60) * 60_000,
    inboxRetentionMs: Number(env.INBOX_RETENTION_DAYS ?? 14) * 86_400_000,
  };
}

interface OutboxRow {
  id: string;
  topic: string;
  message_key: string;
  envelope: unknown;
  headers: Record<string, string>;
}

/** Advisory-lock key derived from the service name (a signed 64-bit integer as text). */
export function relayLockKey(service: string): string {
  return createHash('sha256').update(`outbox-relay:${service}`).digest().readBigInt64BE(0).toString();
}

/**
 * Publishes committed outbox rows in id order, which is commit order per aggregate (a use case
 * locks its aggregate row). A row is marked published only after the broker acknowledged it; a
 * crash between the two means it is published again, and consumers drop the duplicate by event id.
 * Only the instance holding the PostgreSQL advisory lock publishes, so order holds with replicas.
 * The leader LISTENs on `messaging_outbox` (a trigger NOTIFYs at every commit that adds rows, on
 * any replica), so it publishes at once instead of at the next poll; the poll stays as a safety
 * net. It also prunes published outbox rows and old inbox rows in chunks.
 */
export class OutboxRelay {
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  /** A nudge that came while the relay was busy: the next sleep is skipped, so no commit waits a full poll. */
  private nudged = false;
  private lockHolder: QueryRunner | null = null;
  private stopListening: (() => Promise<void>) | null = null;
  private nextPruneAt = 0;
  private producer: BusProducer | null = null;
  /** Ids the broker acknowledged and not yet marked published: the next batch's statement marks them. */
  private unmarked: string[] = [];
  private readonly batchSize: number;
  private readonly idleMs: number;
  private readonly standbyMs: number;

  constructor(private readonly dataSource: DataSource, private readonly bus: MessageBus, private readonly options: OutboxRelayOptions) {
    this.batchSize = options.batchSize ?? 500;
    this.idleMs = options.idleMs ?? 1000;
    this.standbyMs = options.standbyMs ?? 2000;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Call after a commit that wrote to the outbox, to publish without waiting for the next poll. */
  nudge(): void {
    this.nudged = true;
    this.wake?.();
  }

  get isLeader(): boolean {
    return this.lockHolder !== null;
  }

  async stop(): Promise<void> {
    this.running = false;
    this.nudge();
    await this.loop;
    await this.markPublished().catch((error) => this.options.onError?.(error));
    await this.releaseLock();
    await this.producer?.disconnect().catch(() => undefined);
    this.producer = null;
  }

  /**
   * Marks the previous batch published and publishes the next one; returns how many rows it
   * published. The mark rides on the next batch's statement (one round trip a batch, not two), so
   * the loop calls this again at once after a batch that published anything. Exposed for tests.
   */
  async publishBatch(): Promise<number> {
    const marking = this.unmarked;
    // Every commit that nudged before this statement is in its snapshot: a nudge from now on is a new one.
    this.nudged = false;
    const rows: OutboxRow[] = await this.dataSource.query(
      `WITH marked AS (UPDATE messaging_outbox SET published_at = now() WHERE id = ANY($2::bigint[]))
       SELECT id, topic, message_key, envelope, headers FROM messaging_outbox
       WHERE published_at IS NULL AND id <> ALL($2::bigint[]) ORDER BY id LIMIT $1`,
      [this.batchSize, marking],
    );
    this.unmarked = [];
    if (!rows.length) return 0;
    const byTopic = new Map<string, OutgoingMessage[]>();
    for (const row of rows) {
      const list = byTopic.get(row.topic) ?? [];
      list.push({ key: row.message_key, value: JSON.stringify(row.envelope), headers: row.headers });
      byTopic.set(row.topic, list);
    }
    this.producer ??= await this.bus.producer();
    await this.producer.send([...byTopic].map(([topic, messages]) => ({ topic, messages })));
    this.unmarked = rows.map((r) => r.id);
    return rows.length;
  }

  /** Marks what the broker acknowledged and no batch has marked yet (at a clean stop). */
  private async markPublished(): Promise<void> {
    if (!this.unmarked.length) return;
    await this.dataSource.query('UPDATE messaging_outbox SET published_at = now() WHERE id = ANY($1::bigint[])', [this.unmarked]);
    this.unmarked = [];
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        if (!(await this.holdLock())) {
          await this.sleep(this.standbyMs);
          continue;
        }
        const published = await this.publishBatch();
        if (Date.now() >= this.nextPruneAt) {
          this.nextPruneAt = Date.now() + (this.options.pruneEveryMs ?? 60_000);
          await this.prune();
        }
        // After a batch, straight on: the next call marks it (and takes what committed meanwhile).
        if (published === 0) await this.sleep(this.idleMs);
      } catch (error) {
        this.options.onError?.(error);
        // Unmarked rows are published again by whoever leads next; consumers drop the duplicates.
        this.unmarked = [];
        await this.releaseLock();
        await this.producer?.disconnect().catch(() => undefined);
        this.producer = null;
        await this.sleep(500);
      }
    }
  }

  /**
   * Deletes published outbox rows past their retention and inbox rows past theirs, a chunk per
   * statement. Returns how many rows went. Exposed for tests and operations.
   */
  async prune(now = new Date()): Promise<{ outbox: number; inbox: number }> {
    const retention = { ...retentionFromEnv(), ...this.options };
    const outboxBefore = new Date(now.getTime() - (retention.outboxRetentionMs ?? 0));
    const inboxBefore = new Date(now.getTime() - (retention.inboxRetentionMs ?? 0));
    const deleted = { outbox: 0, inbox: 0 };
    for (;;) {
      const [, count] = await this.dataSource.query(
        `DELETE FROM messaging_outbox WHERE id IN (
           SELECT id FROM messaging_outbox WHERE created_at < $1 AND published_at IS NOT NULL AND published_at < $1 LIMIT ${PRUNE_CHUNK})`, [outboxBefore]);
      deleted.outbox += Number(count);
      if (Number(count) < PRUNE_CHUNK) break;
    }
    for (;;) {
      const [, count] = await this.dataSource.query(
        `DELETE FROM messaging_inbox WHERE ctid IN (SELECT ctid FROM messaging_inbox WHERE processed_at < $1 LIMIT ${PRUNE_CHUNK})`, [inboxBefore]);
      deleted.inbox += Number(count);
      if (Number(count) < PRUNE_CHUNK) break;
    }
    return deleted;
  }

  private async holdLock(): Promise<boolean> {
    if (this.lockHolder) return true;
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    const [{ locked }] = await runner.query('SELECT pg_try_advisory_lock($1::bigint) AS locked', [relayLockKey(this.options.service)]);
    if (locked) {
      this.lockHolder = runner;
      await this.listen(runner);
      return true;
    }
    await runner.release();
    return false;
  }

  /**
   * LISTEN on the lock's own connection: the leader hears every commit that added outbox rows. A
   * notification from this instance's own connections (its payload is their application_name) is an
   * echo of a commit that has nudged the relay in-process already (TransactionalOutbox), and is dropped.
   */
  private async listen(runner: QueryRunner): Promise<void> {
    type Notification = { channel: string; payload?: string };
    const client = (runner as unknown as { databaseConnection?: { on(e: 'notification', l: (n: Notification) => void): void; off(e: 'notification', l: (n: Notification) => void): void } }).databaseConnection;
    if (!client) return;
    const own = (this.dataSource.options as { applicationName?: string }).applicationName;
    const onNotification = (n: Notification) => {
      if (n.channel === 'messaging_outbox' && !(own && n.payload === own)) this.nudge();
    };
    client.on('notification', onNotification);
    await runner.query('LISTEN messaging_outbox');
    this.stopListening = async () => {
      client.off('notification', onNotification);
      await runner.query('UNLISTEN messaging_outbox').catch(() => undefined);
    };
  }

  private async releaseLock(): Promise<void> {
    const runner = this.lockHolder;
    this.lockHolder = null;
    if (!runner) return;
    await this.stopListening?.();
    this.stopListening = null;
    await runner.query('SELECT pg_advisory_unlock($1::bigint)', [relayLockKey(this.options.service)]).catch(() => undefined);
    await runner.release().catch(() => undefined);
  }

  private sleep(ms: number): Promise<void> {
    if (this.nudged) {
      this.nudged = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => { this.wake = null; resolve(); }, ms);
      this.wake = () => { clearTimeout(timer); this.wake = null; this.nudged = false; resolve(); };
    });
  }
}
