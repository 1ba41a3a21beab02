import { RuleViolation } from '@tilbudsnet/contracts';
import type { EntityManager } from 'typeorm';

export interface GoalView {
  goalId: string;
  placementId: string;
  offerId: string;
  area: string;
  description: string;
  targetDate: string;
  measurements: { level: number; measuredOn: string }[];
}

/** The placement a goal belongs to, with what the rules need: its offer, status, start and acting municipality. */
export async function placementForGoals(manager: EntityManager, placementId: string, lock = false): Promise<{ id: string; offer_id: string; status: string; start_date: string; acting_municipality: string; case_id: string }> {
  const [row] = await manager.query(
    `SELECT id, offer_id, status, to_char(start_date, 'YYYY-MM-DD') AS start_date, acting_municipality, case_id FROM placements WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [placementId]);
  if (!row) throw new RuleViolation('placementId', 'placement-exists', `no placement ${placementId}`, 404);
  return row;
}

/** `<kind>:<id>` of the offer's operator, from visitation's catalogue. */
export async function operatorOfOffer(manager: EntityManager, offerId: string): Promise<string> {
  const [row] = await manager.query(`SELECT snapshot -> 'operator' ->> 'kind' AS kind, snapshot -> 'operator' ->> 'id' AS id FROM catalogue_offers WHERE offer_id = $1`, [offerId]);
  if (!row) throw new RuleViolation('offerId', 'offer-in-catalogue', `no offer ${offerId} in the catalogue`, 404);
  return `${row.kind}:${row.id}`;
}

/** Goals with their measurements, oldest measurement first, of the placements matched by `where`. */
export async function goalsWhere(manager: EntityManager, where: 'placement' | 'offer', id: string): Promise<GoalView[]> {
  const rows = await manager.query(
    `SELECT g.id, g.placement_id, g.offer_id, g.area, g.description, to_char(g.target_date, 'YYYY-MM-DD') AS target_date,
            coalesce(json_agg(json_build_object('level', m.level, 'measuredOn', to_char(m.measured_on, 'YYYY-MM-DD')) ORDER BY m.measured_on, m.created_at)
                     FILTER (WHERE m.id IS NOT NULL), '[]') AS measurements
       FROM placement_goals g LEFT JOIN goal_measurements m ON m.goal_id = g.id
      WHERE g.${where === 'placement' ? 'placement_id' : 'offer_id'} = $1
      GROUP BY g.id ORDER BY g.created_at, g.id`, [id]);
  return rows.map((r: { id: string; placement_id: string; offer_id: string; area: string; description: string; target_date: string; measurements: GoalView['measurements'] }) => ({
    goalId: r.id, placementId: r.placement_id, offerId: r.offer_id, area: r.area, description: r.description, targetDate: r.target_date, measurements: r.measurements,
  }));
}
