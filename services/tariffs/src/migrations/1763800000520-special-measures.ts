import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SpecialMeasures1763800000520 implements MigrationInterface {
  name = 'SpecialMeasures1763800000520';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE tariff_placements ADD COLUMN special_measures jsonb NOT NULL DEFAULT '[]'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE tariff_placements DROP COLUMN special_measures');
  }
}
