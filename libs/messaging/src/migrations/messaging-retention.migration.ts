import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What keeps the outbox and inbox small and the relay awake: BRIN indexes (cheap, insertion-ordered)
 * for pruning by age, and a statement trigger that NOTIFYs `messaging_outbox` when rows are added.
 * PostgreSQL delivers the notification at commit, to every listener, so a commit on any replica
 * wakes the relay that holds the lock without a poll.
 */
export class MessagingRetention1763900000000 implements MigrationInterface {
  name = 'MessagingRetention1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX messaging_outbox_created ON messaging_outbox USING brin (created_at)');
    await q.query('CREATE INDEX messaging_inbox_processed ON messaging_inbox USING brin (processed_at)');
    await q.query(`
      CREATE FUNCTION messaging_outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('messaging_outbox', '');
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER messaging_outbox_notify AFTER INSERT ON messaging_outbox
      FOR EACH STATEMENT EXECUTE FUNCTION messaging_outbox_notify()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER messaging_outbox_notify ON messaging_outbox');
    await q.query('DROP FUNCTION messaging_outbox_notify()');
    await q.query('DROP INDEX messaging_inbox_processed');
    await q.query('DROP INDEX messaging_outbox_created');
  }
}
