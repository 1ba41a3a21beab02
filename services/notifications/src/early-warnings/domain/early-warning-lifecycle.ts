import { applyEvents, RuleViolation, type EarlyWarningStatus, type NewEvent } from '@tilbudsnet/contracts';

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

/** What the life cycle needs of a warning. */
export interface WarningState {
  warningId: string;
  regionCode: string;
  offerId: string | null;
  status: EarlyWarningStatus;
  version: number;
}

type WarningEventType = 'EarlyWarningRaised' | 'EarlyWarningStatusChanged';

/** Evolve: the warning after one of its events. */
export function evolveWarning(state: WarningState, event: NewEvent<WarningEventType>): WarningState {
  switch (event.type) {
    case 'EarlyWarningRaised':
      return { ...state, status: 'raised' };
    case 'EarlyWarningStatusChanged':
      return { ...state, status: (event as NewEvent<'EarlyWarningStatusChanged'>).payload.status };
    default: {
      const never: never = event.type;
      throw new Error(`a warning does not evolve by ${String(never)}`);
    }
  }
}

/** Decide: an action on a warning, as the event that records it (numbered by applyEvents). */
export function actOnWarning(state: WarningState, action: EarlyWarningAction): { state: WarningState; events: NewEvent<WarningEventType>[] } {
  const status = nextWarningStatus(state.status, action);
  return applyEvents(state, [{
    type: 'EarlyWarningStatusChanged', aggregateId: state.warningId,
    payload: { warningId: state.warningId, regionCode: state.regionCode, status, ...(state.offerId ? { offerId: state.offerId } : {}) },
  }], evolveWarning);
}
