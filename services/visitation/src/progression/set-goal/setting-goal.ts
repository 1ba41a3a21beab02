import { Injectable } from '@nestjs/common';
import { requireActingMunicipality, type Principal } from '@tilbudsnet/auth';
import { createEvent, type EventCause } from '@tilbudsnet/contracts';
import { TransactionalOutbox } from '@tilbudsnet/messaging';
import { randomUUID } from 'node:crypto';
import { recordAccess } from '../../audit/audit-log';
import { mustBeRunning, mustLieAhead } from '../domain/goal-rules';
import { placementForGoals, type GoalView } from '../goal-store';
import type { SetGoalRequest } from './set-goal.request';

/** Use case: the acting municipality sets a goal for a running placement (`GoalSet`, without the description). */
@Injectable()
export class SettingGoal {
  constructor(private readonly outbox: TransactionalOutbox) {}

  set(placementId: string, request: SetGoalRequest, principal: Principal, purpose: string, cause: EventCause): Promise<GoalView> {
    return this.outbox.run(async (manager) => {
      const placement = await placementForGoals(manager, placementId, true);
      requireActingMunicipality(principal, placement.acting_municipality, 'placementId', 'the acting municipality sets the goals of its placements');
      mustBeRunning(placement.status);
      mustLieAhead(request.targetDate, new Date().toISOString().slice(0, 10));
      const goalId = randomUUID();
      await manager.query(
        `INSERT INTO placement_goals (id, placement_id, offer_id, area, description, target_date, set_by, version) VALUES ($1, $2, $3, $4, $5, $6, $7, 1)`,
        [goalId, placementId, placement.offer_id, request.area, request.description, request.targetDate, principal.sub]);
      await recordAccess(manager, principal, { caseId: placement.case_id, municipality: placement.acting_municipality, action: 'set-goal', purpose });
      const goal: GoalView = { goalId, placementId, offerId: placement.offer_id, area: request.area, description: request.description, targetDate: request.targetDate, measurements: [] };
      return {
        result: goal,
        events: [createEvent('visitation', {
          type: 'GoalSet', aggregateId: goalId, aggregateVersion: 1,
          payload: { goalId, placementId, offerId: placement.offer_id, area: request.area, targetDate: request.targetDate },
        }, cause)],
      };
    });
  }
}
