import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Single services (enkeltydelser): what an offer sells, and the delivered units to bill. */
export class UnitDeliveries1763800000560 implements MigrationInterface {
  name = 'UnitDeliveries1763800000560';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE tariff_offers ADD COLUMN units jsonb');
    await q.query(`
      CREATE TABLE unit_deliveries (
        delivery_id uuid PRIMARY KEY,
        booking_id uuid NOT NULL,
        offer_id uuid NOT NULL,
        paying_municipality text NOT NULL,
        acting_municipality text NOT NULL,
        delivered_on date NOT NULL,
        units int NOT NULL CHECK (units > 0),
        statement_id uuid
      )`);
    await q.query('CREATE INDEX unit_deliveries_unbilled ON unit_deliveries (delivered_on) WHERE statement_id IS NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE unit_deliveries');
    await q.query('ALTER TABLE tariff_offers DROP COLUMN units');
  }
}
