import { RuleViolation, type EarlyWarningStatus } from '@tilbudsnet/contracts';

export type EarlyWarningAction = 'acknowledge' | 'action-plan' | 'resolve';

const TRANSITIONS: Record<EarlyWarningAction, { from: EarlyWarningStatus[]; to: EarlyWarningStatus }> = {
  acknowledge: { from: ['raised'], to: 'acknowledged' },
  'action-plan': { from: ['acknowledged', 'action-plan'], to: 'action-plan' },
  resolve: { from: ['acknowledged', 'action-plan'], to: 'resolved' },
};

/** Raised → acknowledged (by the secretariat) → action plan → resolved. */
export function nextWarningStatus(current: EarlyWarningStatus, action: EarlyWarningAction): EarlyWarningStatus {
  const transition = TRANSITIONS[action];
  if (!transition.from.includes(current)) {
    throw new RuleViolation('status', 'warning-lifecycle', `a warning that is ${current} cannot be given the action ${action} (allowed from: ${transition.from.join(', ')})`, 409);
  }
  return transition.to;
}
