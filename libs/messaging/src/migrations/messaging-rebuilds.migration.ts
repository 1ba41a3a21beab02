import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which read-model rebuilds have begun and not ended. The mark is written in the transaction that
 * empties the read model's tables, so a process that dies mid-rebuild leaves it behind, and the
 * next start rebuilds again instead of serving a half-filled read model.
 */
export class MessagingRebuilds1764000000000 implements MigrationInterface {
  name = 'MessagingRebuilds1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE TABLE messaging_rebuilds (name text PRIMARY KEY, started_at timestamptz NOT NULL, finished_at timestamptz)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE messaging_rebuilds');
  }
}
