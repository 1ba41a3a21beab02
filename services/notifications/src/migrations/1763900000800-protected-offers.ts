import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Protected highly specialised offers (styrket samarbejde), flagged by the KKR secretariat. */
export class ProtectedOffers1763900000800 implements MigrationInterface {
  name = 'ProtectedOffers1763900000800';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE protected_offers (
        offer_id uuid NOT NULL,
        target_group text NOT NULL,
        region_code varchar(4) NOT NULL,
        decided_on date NOT NULL,
        agreement_reference text NOT NULL,
        agreed_shares jsonb NOT NULL DEFAULT '{}',
        flagged_by text NOT NULL,
        flagged_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (offer_id, target_group)
      )`);
    await q.query('CREATE INDEX protected_offers_region ON protected_offers (region_code, target_group)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE protected_offers');
  }
}
