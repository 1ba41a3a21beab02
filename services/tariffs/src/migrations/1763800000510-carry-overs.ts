import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CarryOvers1763800000510 implements MigrationInterface {
  name = 'CarryOvers1763800000510';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE year_results (
        offer_id uuid NOT NULL,
        year int NOT NULL,
        actual_income_oere bigint NOT NULL,
        actual_cost_oere bigint NOT NULL,
        result_oere bigint NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (offer_id, year)
      )`);
    await q.query(`
      CREATE TABLE carry_overs (
        offer_id uuid NOT NULL,
        from_year int NOT NULL,
        into_year int NOT NULL,
        amount_oere bigint NOT NULL,
        PRIMARY KEY (offer_id, from_year, into_year)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE carry_overs');
    await q.query('DROP TABLE year_results');
  }
}
