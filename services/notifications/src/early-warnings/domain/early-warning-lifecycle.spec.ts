import { RuleViolation } from '@tilbudsnet/contracts';
import { actOnWarning, nextWarningStatus } from './early-warning-lifecycle';

describe('early-warning life cycle', () => {
  it('goes raised → acknowledged → action plan → resolved', () => {
    expect(nextWarningStatus('raised', 'acknowledge')).toBe('acknowledged');
    expect(nextWarningStatus('acknowledged', 'action-plan')).toBe('action-plan');
    expect(nextWarningStatus('action-plan', 'action-plan')).toBe('action-plan');
    expect(nextWarningStatus('action-plan', 'resolve')).toBe('resolved');
  });

  it('refuses to skip acknowledgement or to reopen a resolved warning', () => {
    expect(() => nextWarningStatus('raised', 'resolve')).toThrow(RuleViolation);
    expect(() => nextWarningStatus('raised', 'action-plan')).toThrow(/cannot/);
    expect(() => nextWarningStatus('resolved', 'acknowledge')).toThrow(RuleViolation);
  });
});

describe('a warning decided as events', () => {
  it('records each action as the next EarlyWarningStatusChanged, and refuses one its status does not allow', () => {
    const raised = { warningId: 'w1', regionCode: '1082', offerId: null, status: 'raised' as const, version: 1 };
    const acknowledged = actOnWarning(raised, 'acknowledge');
    expect(acknowledged.state).toMatchObject({ status: 'acknowledged', version: 2 });
    expect(acknowledged.events).toEqual([expect.objectContaining({ type: 'EarlyWarningStatusChanged', aggregateVersion: 2, payload: { warningId: 'w1', regionCode: '1082', status: 'acknowledged' } })]);
    expect(actOnWarning(actOnWarning(acknowledged.state, 'action-plan').state, 'resolve').state).toMatchObject({ status: 'resolved', version: 4 });
    expect(() => actOnWarning(raised, 'resolve')).toThrow(expect.objectContaining({ rule: 'warning-lifecycle', status: 409 }));
  });
});
