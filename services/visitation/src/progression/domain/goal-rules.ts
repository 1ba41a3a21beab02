import { RuleViolation } from '@tilbudsnet/contracts';

/** Goals are set and measured for placements that are running (the citizen lives in the offer). */
export const PLACEMENTS_WITH_GOALS = ['started', 'notice-given'];

export function mustBeRunning(status: string): void {
  if (!PLACEMENTS_WITH_GOALS.includes(status)) throw new RuleViolation('placementId', 'placement-running', `goals are set and measured for a running placement; this one is ${status}`, 409);
}

/** A goal's target date lies after today: a goal is about what is to come. */
export function mustLieAhead(targetDate: string, today: string): void {
  if (targetDate <= today) throw new RuleViolation('targetDate', 'after-today', 'targetDate must lie after today');
}

/** A measurement is of what has happened: not in the future, not before the placement began. */
export function mustBeMeasurable(measuredOn: string, placementStart: string, today: string): void {
  if (measuredOn > today) throw new RuleViolation('measuredOn', 'not-in-future', 'measuredOn must not lie in the future');
  if (measuredOn < placementStart) throw new RuleViolation('measuredOn', 'not-before-start', 'measuredOn must not lie before the placement began');
}
