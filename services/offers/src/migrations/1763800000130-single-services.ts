import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Enkeltydelser: offers that sell units, and the bookings of their units. */
export class SingleServices1763800000130 implements MigrationInterface {
  name = 'SingleServices1763800000130';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE offers ADD COLUMN units jsonb');
    await q.query(`CREATE TABLE unit_bookings (
      booking_id uuid PRIMARY KEY,
      offer_id uuid NOT NULL,
      period text NOT NULL,
      last_day date NOT NULL,
      units int NOT NULL CHECK (units > 0),
      delivered_units int NOT NULL DEFAULT 0 CHECK (delivered_units >= 0 AND delivered_units <= units),
      paying_municipality text NOT NULL,
      acting_municipality text NOT NULL,
      status text NOT NULL,
      version int NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query('CREATE INDEX unit_bookings_offer_period ON unit_bookings (offer_id, period)');
    await q.query(`CREATE INDEX unit_bookings_reserved ON unit_bookings (last_day) WHERE status = 'reserved'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE unit_bookings');
    await q.query('ALTER TABLE offers DROP COLUMN units');
  }
}
