import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Read models (offers, placements, waiting list, tariffs), notices, inbox, subscriptions, delivery. */
export class Notifications1763800000700 implements MigrationInterface {
  name = 'Notifications1763800000700';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE n_offers (
        offer_id uuid PRIMARY KEY,
        name text NOT NULL,
        operator text NOT NULL,
        municipality_code varchar(4) NOT NULL,
        region_code varchar(4) NOT NULL,
        target_groups text[] NOT NULL,
        paragraphs jsonb NOT NULL,
        status text NOT NULL,
        budgeted_occupancy_pct numeric(5,2) NOT NULL,
        approved int NOT NULL,
        occupied int NOT NULL,
        reserved int NOT NULL,
        vacant int NOT NULL,
        closure_date date,
        adjustment jsonb,
        version int NOT NULL
      )`);
    await q.query(`
      CREATE TABLE n_capacity_history (
        offer_id uuid NOT NULL,
        at timestamptz NOT NULL,
        approved int NOT NULL,
        occupied int NOT NULL,
        vacant int NOT NULL
      )`);
    await q.query('CREATE INDEX n_capacity_history_offer_at ON n_capacity_history (offer_id, at)');
    await q.query(`
      CREATE TABLE n_placements (
        placement_id uuid PRIMARY KEY,
        offer_id uuid NOT NULL,
        target_group text,
        paragraph text,
        acting_municipality varchar(4),
        status text NOT NULL,
        started_on date,
        ended_on date
      )`);
    await q.query('CREATE INDEX n_placements_offer ON n_placements (offer_id)');
    await q.query(`
      CREATE TABLE n_waitlist (
        entry_id uuid PRIMARY KEY,
        target_group text,
        paragraph text,
        region_code varchar(4),
        acting_municipality varchar(4),
        added_at timestamptz,
        removed_at timestamptz
      )`);
    await q.query(`
      CREATE TABLE n_region_vacancy (
        region_code varchar(4) NOT NULL,
        target_group text NOT NULL,
        vacant int NOT NULL,
        zero_since timestamptz,
        PRIMARY KEY (region_code, target_group)
      )`);
    await q.query(`
      CREATE TABLE n_tariffs (
        offer_id uuid NOT NULL,
        year int NOT NULL,
        day_tariff numeric(12,2) NOT NULL,
        PRIMARY KEY (offer_id, year)
      )`);
    await q.query(`
      CREATE TABLE notices (
        id uuid PRIMARY KEY,
        kind text NOT NULL,
        source_event_id uuid,
        title jsonb NOT NULL,
        body jsonb NOT NULL,
        data jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE inbox_entries (
        id uuid PRIMARY KEY,
        notice_id uuid NOT NULL REFERENCES notices(id),
        recipient text NOT NULL,
        reason text NOT NULL,
        read_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (notice_id, recipient)
      )`);
    await q.query('CREATE INDEX inbox_entries_recipient ON inbox_entries (recipient, created_at DESC)');
    await q.query(`
      CREATE TABLE subscriptions (
        id uuid PRIMARY KEY,
        owner text NOT NULL,
        organisation text NOT NULL,
        kind text NOT NULL,
        filter jsonb NOT NULL,
        email text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX subscriptions_kind ON subscriptions (kind)');
    await q.query(`
      CREATE TABLE organisation_contacts (
        organisation text PRIMARY KEY,
        email text NOT NULL
      )`);
    await q.query(`
      CREATE TABLE webhooks (
        id uuid PRIMARY KEY,
        organisation text NOT NULL,
        url text NOT NULL,
        secret text NOT NULL,
        kinds text[] NOT NULL,
        enabled boolean NOT NULL DEFAULT true,
        consecutive_failures int NOT NULL DEFAULT 0,
        disabled_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE deliveries (
        id uuid PRIMARY KEY,
        notice_id uuid NOT NULL REFERENCES notices(id),
        channel text NOT NULL,
        target text NOT NULL,
        status text NOT NULL,
        attempts int NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        last_error text,
        last_status int,
        delivered_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (notice_id, channel, target)
      )`);
    await q.query("CREATE INDEX deliveries_due ON deliveries (next_attempt_at) WHERE status = 'pending'");
    await q.query(`
      CREATE TABLE early_warnings (
        id uuid PRIMARY KEY,
        offer_id uuid,
        region_code varchar(4) NOT NULL,
        target_groups text[] NOT NULL,
        category text NOT NULL,
        severity text NOT NULL,
        description text NOT NULL,
        source text NOT NULL,
        rule text,
        rule_key text,
        status text NOT NULL,
        action_plan text,
        recipients text[] NOT NULL,
        raised_by text NOT NULL,
        raised_at timestamptz NOT NULL,
        version int NOT NULL
      )`);
    await q.query("CREATE UNIQUE INDEX early_warnings_open_rule ON early_warnings (rule_key) WHERE status <> 'resolved' AND rule_key IS NOT NULL");
    await q.query(`
      CREATE TABLE early_warning_history (
        warning_id uuid NOT NULL REFERENCES early_warnings(id),
        at timestamptz NOT NULL,
        status text NOT NULL,
        by_organisation text NOT NULL,
        by_user text NOT NULL,
        note text
      )`);
    await q.query(`
      CREATE TABLE supply_thresholds (
        region_code varchar(4) PRIMARY KEY,
        low_occupancy_months int NOT NULL,
        no_vacancy_days int NOT NULL,
        closure_margin_places int NOT NULL
      )`);
    await q.query(`
      CREATE TABLE supply_snapshots (
        day date NOT NULL,
        region_code varchar(4) NOT NULL,
        target_group text NOT NULL,
        paragraph text NOT NULL,
        figures jsonb NOT NULL,
        PRIMARY KEY (day, region_code, target_group, paragraph)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'supply_snapshots', 'supply_thresholds', 'early_warning_history', 'early_warnings', 'deliveries', 'webhooks', 'organisation_contacts',
      'subscriptions', 'inbox_entries', 'notices', 'n_tariffs', 'n_region_vacancy', 'n_waitlist', 'n_placements', 'n_capacity_history', 'n_offers',
    ]) await q.query(`DROP TABLE ${table}`);
  }
}
