import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Kapacitets- og behovsopgørelse: the municipalities' reported demand, the regions' yearly reports, the forecast-gap threshold. */
export class NeedAndCapacity1763900000900 implements MigrationInterface {
  name = 'NeedAndCapacity1763900000900';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE demand_reports (
        municipality_code varchar(4) NOT NULL,
        year int NOT NULL,
        target_group text NOT NULL,
        paragraph text NOT NULL,
        change text NOT NULL CHECK (change IN ('more', 'same', 'fewer')),
        places int NOT NULL CHECK (places >= 0),
        reported_by text NOT NULL,
        reported_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (municipality_code, year, target_group, paragraph)
      )`);
    await q.query(`
      CREATE TABLE capacity_reports (
        region_code varchar(4) NOT NULL,
        year int NOT NULL,
        introduction text NOT NULL DEFAULT '',
        conclusions text NOT NULL DEFAULT '',
        status text NOT NULL DEFAULT 'draft',
        published_html text,
        published_at timestamptz,
        PRIMARY KEY (region_code, year)
      )`);
    await q.query('ALTER TABLE supply_thresholds ADD COLUMN forecast_gap_places int NOT NULL DEFAULT 5');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE supply_thresholds DROP COLUMN forecast_gap_places');
    await q.query('DROP TABLE capacity_reports');
    await q.query('DROP TABLE demand_reports');
  }
}
