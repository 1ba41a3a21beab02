import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Goals of placements and their measurements on the goal attainment scale (progression og effekt). */
export class Progression1763800000600 implements MigrationInterface {
  name = 'Progression1763800000600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE placement_goals (
        id uuid PRIMARY KEY,
        placement_id uuid NOT NULL REFERENCES placements(id),
        offer_id uuid NOT NULL,
        area text NOT NULL,
        description text NOT NULL,
        target_date date NOT NULL,
        set_by text NOT NULL,
        version int NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX placement_goals_by_offer ON placement_goals (offer_id)');
    await q.query('CREATE INDEX placement_goals_by_placement ON placement_goals (placement_id)');
    await q.query(`
      CREATE TABLE goal_measurements (
        id uuid PRIMARY KEY,
        goal_id uuid NOT NULL REFERENCES placement_goals(id),
        level smallint NOT NULL CHECK (level BETWEEN -2 AND 2),
        measured_on date NOT NULL,
        recorded_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX goal_measurements_by_goal ON goal_measurements (goal_id, measured_on)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE goal_measurements');
    await q.query('DROP TABLE placement_goals');
  }
}
