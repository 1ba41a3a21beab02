import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Month close without silent rates: the months already closed (a month whose every placement is
 * held back has no statement, and must still close only once), placement months held back for a
 * package decision, and supplementary statements for them once decided. Drops the dead copy of
 * the offer's places and occupancy.
 */
export class PackageDecisions1763800000530 implements MigrationInterface {
  name = 'PackageDecisions1763800000530';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE closed_months (month varchar(7) PRIMARY KEY, invoice_date date NOT NULL, closed_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`INSERT INTO closed_months (month, invoice_date) SELECT month, min(invoice_date) FROM statements GROUP BY month`);
    await q.query(`
      CREATE TABLE held_placement_months (
        placement_id uuid NOT NULL,
        month varchar(7) NOT NULL,
        offer_id uuid NOT NULL,
        operator text NOT NULL,
        paying_municipality varchar(4) NOT NULL,
        acting_municipality varchar(4) NOT NULL,
        package_code text NOT NULL,
        tariff_year int NOT NULL,
        first_day date NOT NULL,
        last_day date NOT NULL,
        days int NOT NULL,
        status text NOT NULL DEFAULT 'held' CHECK (status IN ('held', 'billed')),
        statement_id uuid,
        held_at timestamptz NOT NULL DEFAULT now(),
        billed_at timestamptz,
        PRIMARY KEY (placement_id, month)
      )`);
    await q.query(`CREATE INDEX held_placement_months_open ON held_placement_months (status, month)`);
    await q.query(`ALTER TABLE statements ADD COLUMN supplement int NOT NULL DEFAULT 0`);
    // Dead data: the offer's places and occupancy were copied here and never read; a tariff is
    // computed from the places and occupancy of its own budget.
    await q.query(`ALTER TABLE tariff_offers DROP COLUMN approved_places, DROP COLUMN budgeted_occupancy_pct`);
    await q.query(`ALTER TABLE statements DROP CONSTRAINT statements_month_paying_municipality_operator_key`);
    await q.query(`ALTER TABLE statements ADD CONSTRAINT statements_month_payer_operator_supplement UNIQUE (month, paying_municipality, operator, supplement)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE tariff_offers ADD COLUMN approved_places int NOT NULL DEFAULT 0, ADD COLUMN budgeted_occupancy_pct numeric(5,2) NOT NULL DEFAULT 0`);
    await q.query('ALTER TABLE statements DROP CONSTRAINT statements_month_payer_operator_supplement');
    await q.query('DELETE FROM statements WHERE supplement > 0');
    await q.query('ALTER TABLE statements DROP COLUMN supplement');
    await q.query('ALTER TABLE statements ADD CONSTRAINT statements_month_paying_municipality_operator_key UNIQUE (month, paying_municipality, operator)');
    await q.query('DROP TABLE held_placement_months');
    await q.query('DROP TABLE closed_months');
  }
}
