import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CasesAndAudit1763800000300 implements MigrationInterface {
  name = 'CasesAndAudit1763800000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE cases (
        id uuid PRIMARY KEY,
        acting_municipality varchar(4) NOT NULL,
        paying_municipality varchar(4) NOT NULL,
        cpr_lookup_hash varchar(64) NOT NULL,
        citizen_sealed jsonb NOT NULL,
        notes_sealed jsonb,
        needs jsonb NOT NULL,
        opened_by text NOT NULL,
        opened_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX cases_lookup ON cases (acting_municipality, cpr_lookup_hash)`);
    await q.query(`
      CREATE TABLE audit_records (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor_sub text NOT NULL,
        actor_name text NOT NULL,
        actor_role text NOT NULL,
        organisation text NOT NULL,
        municipality varchar(4) NOT NULL,
        case_id uuid NOT NULL,
        action text NOT NULL,
        purpose text NOT NULL
      )`);
    await q.query(`CREATE INDEX audit_by_municipality ON audit_records (municipality, id DESC)`);
    // Append-only: the table refuses updates and deletes, whoever asks.
    await q.query(`
      CREATE FUNCTION audit_records_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit_records is append-only'; END $$`);
    await q.query(`
      CREATE TRIGGER audit_records_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_records
      FOR EACH STATEMENT EXECUTE FUNCTION audit_records_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE audit_records');
    await q.query('DROP FUNCTION audit_records_append_only');
    await q.query('DROP TABLE cases');
  }
}
