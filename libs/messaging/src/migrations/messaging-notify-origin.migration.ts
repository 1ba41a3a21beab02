import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox's NOTIFY names the connection's `application_name` (each service instance has its own):
 * a relay already woken in-process by its own instance's commit ignores the echo, which otherwise
 * costs it an empty batch on every commit.
 */
export class MessagingNotifyOrigin1764100000000 implements MigrationInterface {
  name = 'MessagingNotifyOrigin1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION messaging_outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('messaging_outbox', current_setting('application_name'));
        RETURN NULL;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION messaging_outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('messaging_outbox', '');
        RETURN NULL;
      END $$`);
  }
}
