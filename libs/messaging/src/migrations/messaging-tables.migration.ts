import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The outbox and inbox tables every service keeps in its own database. */
export class MessagingTables1763800000000 implements MigrationInterface {
  name = 'MessagingTables1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE messaging_outbox (
        id bigserial PRIMARY KEY,
        event_id uuid NOT NULL UNIQUE,
        topic text NOT NULL,
        message_key text NOT NULL,
        envelope jsonb NOT NULL,
        headers jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz
      )`);
    await q.query(`CREATE INDEX messaging_outbox_unpublished ON messaging_outbox (id) WHERE published_at IS NULL`);
    await q.query(`
      CREATE TABLE messaging_inbox (
        consumer_group text NOT NULL,
        event_id uuid NOT NULL,
        event_type text NOT NULL,
        processed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer_group, event_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE messaging_inbox');
    await q.query('DROP TABLE messaging_outbox');
  }
}
