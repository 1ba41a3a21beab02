import type { DataSource, EntityManager } from 'typeorm';

export type ApplyOutcome = 'applied' | 'duplicate';

/**
 * Runs `effect` at most once per (consumer group, event id): the inbox row and the effect share one
 * transaction, so a redelivered event (same id, any offset) finds the row and is skipped, and a
 * failed effect leaves no row behind to block its retry.
 */
export async function applyOnce(
  dataSource: DataSource,
  consumerGroup: string,
  event: { eventId: string; type: string },
  effect: (manager: EntityManager) => Promise<void>,
): Promise<ApplyOutcome> {
  return dataSource.transaction(async (manager) => {
    const inserted: unknown[] = await manager.query(
      `INSERT INTO messaging_inbox (consumer_group, event_id, event_type) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING RETURNING event_id`,
      [consumerGroup, event.eventId, event.type],
    );
    if (!inserted.length) return 'duplicate';
    await effect(manager);
    return 'applied';
  });
}
