import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Socialtilsynet's latest decision about an offer, recorded by its operator. */
export class Supervision1763800000120 implements MigrationInterface {
  name = 'Supervision1763800000120';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE offers ADD COLUMN supervision jsonb');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE offers DROP COLUMN supervision');
  }
}
