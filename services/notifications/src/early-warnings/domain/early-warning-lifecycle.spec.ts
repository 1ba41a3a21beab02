import { RuleViolation } from '@tilbudsnet/contracts';
import { nextWarningStatus } from './early-warning-lifecycle';

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
