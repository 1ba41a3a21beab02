import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PlacementsAndWaitlist1763800000400 implements MigrationInterface {
  name = 'PlacementsAndWaitlist1763800000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE placements (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases(id),
        offer_id uuid NOT NULL,
        acting_municipality varchar(4) NOT NULL,
        paying_municipality varchar(4) NOT NULL,
        paragraph text NOT NULL,
        target_group text NOT NULL,
        start_date date NOT NULL,
        package_code text NOT NULL,
        status text NOT NULL,
        reason text,
        requested_at timestamptz NOT NULL,
        reservation_expires_at timestamptz,
        review_date date,
        notice_given_on date,
        end_date date,
        needs_replacement_from date,
        version int NOT NULL
      )`);
    await q.query(`CREATE INDEX placements_case ON placements (case_id)`);
    await q.query(`CREATE INDEX placements_offer ON placements (offer_id)`);
    await q.query(`CREATE INDEX placements_waiting ON placements (requested_at) WHERE status = 'requested'`);
    await q.query(`
      CREATE TABLE waitlist_entries (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases(id),
        acting_municipality varchar(4) NOT NULL,
        target_group text NOT NULL,
        paragraph text NOT NULL,
        region_code varchar(4) NOT NULL,
        status text NOT NULL,
        matched_offer_id uuid,
        matched_at timestamptz,
        added_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL
      )`);
    await q.query(`CREATE INDEX waitlist_open ON waitlist_entries (region_code, paragraph, target_group) WHERE status = 'waiting'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE waitlist_entries');
    await q.query('DROP TABLE placements');
  }
}
