import { Injectable } from '@nestjs/common';
import { requireOwnOperator, type Principal } from '@tilbudsnet/auth';
import { createEvent, RuleViolation, type EventCause, type ProgressionArea } from '@tilbudsnet/contracts';
import { TransactionalOutbox } from '@tilbudsnet/messaging';
import { randomUUID } from 'node:crypto';
import { mustBeMeasurable, mustBeRunning } from '../domain/goal-rules';
import { goalsWhere, operatorOfOffer, placementForGoals, type GoalView } from '../goal-store';
import type { MeasureProgressRequest } from './measure-progress.request';

/** Use case: the offer's operator records where a goal stands (`ProgressMeasured`). */
@Injectable()
export class MeasuringProgress {
  constructor(private readonly outbox: TransactionalOutbox) {}

  measure(goalId: string, request: MeasureProgressRequest, principal: Principal, cause: EventCause): Promise<GoalView> {
    return this.outbox.run(async (manager) => {
      const [goal] = await manager.query('SELECT id, placement_id, offer_id, area, version FROM placement_goals WHERE id = $1 FOR UPDATE', [goalId]);
      if (!goal) throw new RuleViolation('goalId', 'goal-exists', `no goal ${goalId}`, 404);
      requireOwnOperator(principal, await operatorOfOffer(manager, goal.offer_id), 'goalId', 'the operator of the offer measures the goals of its placements');
      const placement = await placementForGoals(manager, goal.placement_id);
      mustBeRunning(placement.status);
      mustBeMeasurable(request.measuredOn, placement.start_date, new Date().toISOString().slice(0, 10));
      const version = goal.version + 1;
      await manager.query('INSERT INTO goal_measurements (id, goal_id, level, measured_on, recorded_by) VALUES ($1, $2, $3, $4, $5)', [randomUUID(), goalId, request.level, request.measuredOn, principal.sub]);
      await manager.query('UPDATE placement_goals SET version = $2 WHERE id = $1', [goalId, version]);
      const [view] = (await goalsWhere(manager, 'placement', goal.placement_id)).filter((g) => g.goalId === goalId);
      return {
        result: view,
        events: [createEvent('visitation', {
          type: 'ProgressMeasured', aggregateId: goalId, aggregateVersion: version,
          payload: { goalId, placementId: goal.placement_id, offerId: goal.offer_id, area: goal.area as ProgressionArea, level: request.level, measuredOn: request.measuredOn },
        }, cause)],
      };
    });
  }
}
