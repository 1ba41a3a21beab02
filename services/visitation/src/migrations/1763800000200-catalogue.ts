import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Catalogue1763800000200 implements MigrationInterface {
  name = 'Catalogue1763800000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE catalogue_offers (
        offer_id uuid PRIMARY KEY,
        snapshot jsonb NOT NULL,
        version int NOT NULL,
        region_code varchar(4) NOT NULL,
        municipality_code varchar(4) NOT NULL,
        paragraphs text[] NOT NULL,
        target_groups text[] NOT NULL,
        specialisation_level text NOT NULL,
        status text NOT NULL,
        vacant_places int NOT NULL,
        lat double precision NOT NULL,
        lon double precision NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX catalogue_region ON catalogue_offers (region_code)`);
    await q.query(`CREATE INDEX catalogue_target_groups ON catalogue_offers USING gin (target_groups)`);
    await q.query(`CREATE INDEX catalogue_paragraphs ON catalogue_offers USING gin (paragraphs)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE catalogue_offers');
  }
}
