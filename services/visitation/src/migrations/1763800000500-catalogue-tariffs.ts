import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Tariffs per offer and year, from `TariffPublished` (its own table: it may arrive before the offer). */
export class CatalogueTariffs1763800000500 implements MigrationInterface {
  name = 'CatalogueTariffs1763800000500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE catalogue_tariffs (
        offer_id uuid NOT NULL,
        year int NOT NULL,
        rates jsonb NOT NULL,
        PRIMARY KEY (offer_id, year)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE catalogue_tariffs');
  }
}
