import type { TilbudsnetEvent } from '@tilbudsnet/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { appendToOutbox } from './outbox/append-to-outbox';
import type { OutboxRelay } from './outbox/outbox-relay';

export interface UnitOfWorkResult<T> {
  result: T;
  events: readonly TilbudsnetEvent[];
}

/**
 * Runs a use case's writes and its events in one transaction, then wakes the relay.
 * `work` returns what the caller gets back and the events to publish.
 */
export class TransactionalOutbox {
  constructor(private readonly dataSource: DataSource, private readonly relay: OutboxRelay | null) {}

  async run<T>(work: (manager: EntityManager) => Promise<UnitOfWorkResult<T>>): Promise<T> {
    const { result, events } = await this.dataSource.transaction(async (manager) => {
      const outcome = await work(manager);
      await appendToOutbox(manager, outcome.events);
      return outcome;
    });
    if (events.length) this.relay?.nudge();
    return result;
  }
}
