import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Offers1763800000100 implements MigrationInterface {
  name = 'Offers1763800000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE offers (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        operator jsonb NOT NULL,
        address jsonb NOT NULL,
        municipality_code varchar(4) NOT NULL,
        region_code varchar(4) NOT NULL,
        location jsonb NOT NULL,
        paragraphs jsonb NOT NULL,
        target_groups text[] NOT NULL,
        specialisation_level text NOT NULL,
        framework_agreement boolean NOT NULL,
        budgeted_occupancy_pct numeric(5,2) NOT NULL,
        status text NOT NULL,
        last_confirmed_at timestamptz,
        occupied_places int NOT NULL DEFAULT 0 CHECK (occupied_places >= 0),
        reserved_places int NOT NULL DEFAULT 0 CHECK (reserved_places >= 0),
        version int NOT NULL,
        demo boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX offers_region ON offers (region_code)`);
    await q.query(`CREATE INDEX offers_operator ON offers ((operator->>'kind'), (operator->>'id'))`);
    await q.query(`CREATE INDEX offers_target_groups ON offers USING gin (target_groups)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE offers');
  }
}
