import { RuleViolation } from '@tilbudsnet/contracts';
import { requireActingMunicipality, requireAuditorOf, requireOwnOperator, requireOwnRegion } from './access-rules';
import type { Principal } from './principal';

const manager: Principal = { sub: 'm', name: 'M', role: 'offer-manager', organisation: { kind: 'operator', operatorKind: 'municipality', id: '0751' } };
const officer: Principal = { sub: 'o', name: 'O', role: 'visitation-officer', organisation: { kind: 'municipality', code: '0101' } };
const auditor: Principal = { sub: 'a', name: 'A', role: 'auditor', organisation: { kind: 'municipality', code: '0101' } };
const secretariat: Principal = { sub: 'k', name: 'K', role: 'kkr-secretariat', organisation: { kind: 'region', code: '1082' } };

function refusal(check: () => void): { status: number; field: string; rule: string } | null {
  try {
    check();
    return null;
  } catch (error) {
    const v = error as RuleViolation;
    return { status: v.status, field: v.field, rule: v.rule };
  }
}

describe('organisation checks that answer the one 403', () => {
  it('lets an offer manager act for its own operator only, by label or by parts', () => {
    expect(refusal(() => requireOwnOperator(manager, 'municipality:0751', 'offerId', 'x'))).toBeNull();
    expect(refusal(() => requireOwnOperator(manager, { kind: 'municipality', id: '0751' }, 'offerId', 'x'))).toBeNull();
    expect(refusal(() => requireOwnOperator(manager, 'private:0751', 'offerId', 'x'))).toEqual({ status: 403, field: 'offerId', rule: 'own-operator-only' });
    expect(refusal(() => requireOwnOperator(officer, 'municipality:0101', 'offerId', 'x'))).toEqual({ status: 403, field: 'offerId', rule: 'own-operator-only' });
  });

  it('lets an officer act for its own municipality, a secretariat for its region, an auditor read its municipality', () => {
    expect(refusal(() => requireActingMunicipality(officer, '0101', 'id', 'x'))).toBeNull();
    expect(refusal(() => requireActingMunicipality(officer, '0147', 'id', 'x'))).toEqual({ status: 403, field: 'id', rule: 'own-municipality-only' });
    expect(refusal(() => requireActingMunicipality(auditor, '0101', 'id', 'x'))).toEqual({ status: 403, field: 'id', rule: 'own-municipality-only' });
    expect(refusal(() => requireOwnRegion(secretariat, '1082', 'region', 'x'))).toBeNull();
    expect(refusal(() => requireOwnRegion(secretariat, '1084', 'region', 'x'))).toEqual({ status: 403, field: 'region', rule: 'own-region-only' });
    expect(refusal(() => requireAuditorOf(auditor, '0101', 'organisation', 'x'))).toBeNull();
    expect(refusal(() => requireAuditorOf(officer, '0101', 'organisation', 'x'))).toEqual({ status: 403, field: 'organisation', rule: 'own-municipality-only' });
  });
});
