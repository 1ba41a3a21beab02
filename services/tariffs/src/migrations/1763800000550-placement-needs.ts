import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each placement's target group and paragraph, from `PlacementRequested`, for the steering data
 * (styringsdata per target group and paragraph). Only codes: the citizen stays in visitation.
 */
export class PlacementNeeds1763800000550 implements MigrationInterface {
  name = 'PlacementNeeds1763800000550';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE placement_needs (placement_id uuid PRIMARY KEY, target_group text NOT NULL, paragraph text NOT NULL)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE placement_needs');
  }
}
