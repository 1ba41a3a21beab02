import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The operator's name beside its `<kind>:<id>` label, so statements and exports can say who it is. */
export class OperatorNames1763800000540 implements MigrationInterface {
  name = 'OperatorNames1763800000540';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE tariff_offers ADD COLUMN operator_name text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE tariff_offers DROP COLUMN operator_name');
  }
}
