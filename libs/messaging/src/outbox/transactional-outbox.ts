import type { TilbudsnetEvent } from '@tilbudsnet/contracts';
import type { DataSource, EntityManager, EntitySubscriberInterface, QueryRunner, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';
import { appendToOutbox } from './append-to-outbox';

export interface UnitOfWorkResult<T> {
  result: T;
  events: readonly TilbudsnetEvent[];
}

/** What the outbox needs of the relay: a wake-up after a commit that wrote to it. */
export interface RelayWaker {
  nudge(): void;
}

/**
 * The one way a service saves state and events together (transactional outbox):
 * - `run(work)` opens the transaction for a use case: `work` returns its result and its events;
 * - `append(manager, events)` writes events inside a transaction someone else opened (the inbox's,
 *   for an event handler; a use case's own).
 * Either way the relay is woken when, and only when, that transaction commits: never before (it
 * would find nothing and sleep a poll), never after a rollback, and never forgotten.
 */
export class TransactionalOutbox {
  /** Transactions (by their query runner) that wrote to the outbox and have not ended yet. */
  private readonly pending = new WeakSet<QueryRunner>();

  constructor(private readonly dataSource: DataSource, private readonly relay: RelayWaker | null) {
    const pending = this.pending;
    const wake = () => this.relay?.nudge();
    const listener: EntitySubscriberInterface = {
      afterTransactionCommit(event: TransactionCommitEvent) {
        // Still active after a savepoint's release (a nested transaction): wait for the real commit.
        if (pending.has(event.queryRunner) && !event.queryRunner.isTransactionActive) {
          pending.delete(event.queryRunner);
          wake();
        }
      },
      afterTransactionRollback(event: TransactionRollbackEvent) {
        pending.delete(event.queryRunner);
      },
    };
    dataSource.subscribers.push(listener);
  }

  async run<T>(work: (manager: EntityManager) => Promise<UnitOfWorkResult<T>>): Promise<T> {
    const { result } = await this.dataSource.transaction(async (manager) => {
      const outcome = await work(manager);
      await this.append(manager, outcome.events);
      return outcome;
    });
    return result;
  }

  /** Writes `events` in the transaction of `manager`; they leave when it commits. */
  async append(manager: EntityManager, events: readonly TilbudsnetEvent[]): Promise<void> {
    if (!events.length) return;
    const runner = manager.queryRunner;
    if (!runner?.isTransactionActive) throw new Error('outbox: events are appended inside a transaction, with its EntityManager');
    await appendToOutbox(manager, events);
    this.pending.add(runner);
  }
}
