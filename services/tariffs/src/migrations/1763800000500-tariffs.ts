import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Tariffs1763800000500 implements MigrationInterface {
  name = 'Tariffs1763800000500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE tariff_offers (
        offer_id uuid PRIMARY KEY,
        operator text NOT NULL,
        region_code varchar(4) NOT NULL,
        framework_agreement boolean NOT NULL,
        approved_places int NOT NULL,
        budgeted_occupancy_pct numeric(5,2) NOT NULL,
        version int NOT NULL
      )`);
    await q.query(`
      CREATE TABLE tariffs (
        offer_id uuid NOT NULL,
        year int NOT NULL,
        budget jsonb NOT NULL,
        computation jsonb NOT NULL,
        status text NOT NULL,
        approved_by text,
        published_at timestamptz,
        version int NOT NULL,
        PRIMARY KEY (offer_id, year)
      )`);
    await q.query(`
      CREATE TABLE tariff_placements (
        placement_id uuid PRIMARY KEY,
        offer_id uuid NOT NULL,
        paying_municipality varchar(4) NOT NULL,
        acting_municipality varchar(4) NOT NULL,
        start_date date NOT NULL,
        end_date date,
        packages jsonb NOT NULL
      )`);
    await q.query(`
      CREATE TABLE statements (
        id uuid PRIMARY KEY,
        month varchar(7) NOT NULL,
        paying_municipality varchar(4) NOT NULL,
        operator text NOT NULL,
        invoice_date date NOT NULL,
        due_date date NOT NULL,
        lines jsonb NOT NULL,
        total_oere bigint NOT NULL,
        late_claim_lines int NOT NULL,
        UNIQUE (month, paying_municipality, operator)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE statements');
    await q.query('DROP TABLE tariff_placements');
    await q.query('DROP TABLE tariffs');
    await q.query('DROP TABLE tariff_offers');
  }
}
