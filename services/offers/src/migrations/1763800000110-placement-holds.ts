import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PlacementHolds1763800000110 implements MigrationInterface {
  name = 'PlacementHolds1763800000110';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE offers ADD COLUMN closure_effective_date date, ADD COLUMN pending_adjustment jsonb`);
    await q.query(`
      CREATE TABLE placement_holds (
        placement_id uuid PRIMARY KEY,
        offer_id uuid NOT NULL,
        status text NOT NULL,
        expires_at timestamptz,
        version int NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX placement_holds_expiring ON placement_holds (expires_at) WHERE status = 'reserved'`);
    await q.query(`CREATE INDEX placement_holds_offer ON placement_holds (offer_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE placement_holds');
    await q.query('ALTER TABLE offers DROP COLUMN closure_effective_date, DROP COLUMN pending_adjustment');
  }
}
