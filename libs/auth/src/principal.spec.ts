import { actsForMunicipality, managesOperator } from './access-rules';
import { InvalidTokenClaims, principalFromClaims } from './principal';

describe('reading a principal from token claims', () => {
  it('reads an officer with her municipality', () => {
    expect(principalFromClaims({ sub: 'u1', name: 'Mette', role: 'visitation-officer', municipality: '0751' }))
      .toEqual({ sub: 'u1', name: 'Mette', role: 'visitation-officer', organisation: { kind: 'municipality', code: '0751' } });
  });

  it('reads an offer manager of a private operator by CVR', () => {
    expect(principalFromClaims({ sub: 'u2', role: 'offer-manager', operator: 'private:12345678' }).organisation)
      .toEqual({ kind: 'operator', operatorKind: 'private', id: '12345678' });
  });

  it('refuses a role without the organisation it needs', () => {
    expect(() => principalFromClaims({ sub: 'u3', role: 'kkr-secretariat', municipality: '0101' })).toThrow('needs a region claim');
    expect(() => principalFromClaims({ sub: 'u3', role: 'visitation-officer' })).toThrow('needs a municipality claim');
  });

  it('refuses an unknown role', () => {
    expect(() => principalFromClaims({ sub: 'u4', role: 'superuser' })).toThrow('no known role');
  });
});

describe('access rules', () => {
  const manager = principalFromClaims({ sub: 'm', role: 'offer-manager', operator: 'municipality:0751' });
  const officer = principalFromClaims({ sub: 'o', role: 'visitation-officer', municipality: '0751' });

  it('lets an offer manager change only its own operator\'s offers', () => {
    expect(managesOperator(manager, { kind: 'municipality', id: '0751' })).toBe(true);
    expect(managesOperator(manager, { kind: 'municipality', id: '0101' })).toBe(false);
    expect(managesOperator(manager, { kind: 'region', id: '0751' })).toBe(false);
    expect(managesOperator(officer, { kind: 'municipality', id: '0751' })).toBe(false);
  });

  it('lets an officer act only for her own municipality', () => {
    expect(actsForMunicipality(officer, '0751')).toBe(true);
    expect(actsForMunicipality(officer, '0101')).toBe(false);
    expect(actsForMunicipality(manager, '0751')).toBe(false);
  });
});

describe('claims are checked for shape, not trusted', () => {
  it.each([
    ['a municipality that is not one of the 98', { sub: 's', role: 'visitation-officer', municipality: '9999' }],
    ['a region outside 1081-1085', { sub: 's', role: 'kkr-secretariat', region: '1086' }],
    ['a private operator with a municipality code', { sub: 's', role: 'offer-manager', operator: 'private:0751' }],
    ['a municipal operator with a CVR number', { sub: 's', role: 'offer-manager', operator: 'municipality:12345678' }],
    ['a municipal operator that is no municipality', { sub: 's', role: 'offer-manager', operator: 'municipality:9999' }],
    ['a region operator that is no region', { sub: 's', role: 'offer-manager', operator: 'region:0751' }],
  ])('refuses %s', (_, claims) => {
    expect(() => principalFromClaims(claims)).toThrow(InvalidTokenClaims);
  });

  it('accepts the real ones', () => {
    expect(principalFromClaims({ sub: 's', role: 'offer-manager', operator: 'private:12345678' }).organisation).toEqual({ kind: 'operator', operatorKind: 'private', id: '12345678' });
    expect(principalFromClaims({ sub: 's', role: 'offer-manager', operator: 'municipality:0751' }).organisation).toEqual({ kind: 'operator', operatorKind: 'municipality', id: '0751' });
    expect(principalFromClaims({ sub: 's', role: 'visitation-officer', municipality: '0101' }).organisation).toEqual({ kind: 'municipality', code: '0101' });
  });
});
