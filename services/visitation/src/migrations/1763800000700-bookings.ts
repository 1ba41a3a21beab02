import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Bookings of units of single services (enkeltydelser), and the unit price beside a tariff's day rates. */
export class Bookings1763800000700 implements MigrationInterface {
  name = 'Bookings1763800000700';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE bookings (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases(id),
        offer_id uuid NOT NULL,
        acting_municipality varchar(4) NOT NULL,
        paying_municipality varchar(4) NOT NULL,
        paragraph text NOT NULL,
        target_group text NOT NULL,
        period text NOT NULL,
        units int NOT NULL CHECK (units > 0),
        delivered_units int NOT NULL DEFAULT 0,
        status text NOT NULL,
        reason text,
        requested_at timestamptz NOT NULL,
        version int NOT NULL
      )`);
    await q.query('CREATE INDEX bookings_by_case ON bookings (case_id)');
    await q.query(`CREATE INDEX bookings_requested ON bookings (requested_at) WHERE status = 'requested'`);
    await q.query('ALTER TABLE catalogue_tariffs ADD COLUMN unit_price numeric(12, 2)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE catalogue_tariffs DROP COLUMN unit_price');
    await q.query('DROP TABLE bookings');
  }
}
