import type { Principal } from './principal';

/** Offer manager of this operator (driftsherre): may change the offer, its budgets and warnings. */
export function managesOperator(principal: Principal, operator: { kind: string; id: string }): boolean {
  return principal.organisation.kind === 'operator'
    && principal.organisation.operatorKind === operator.kind
    && principal.organisation.id === operator.id;
}

/** Visitation officer of the acting municipality (handlekommune): may read and change the case. */
export function actsForMunicipality(principal: Principal, municipalityCode: string): boolean {
  return principal.role === 'visitation-officer'
    && principal.organisation.kind === 'municipality'
    && principal.organisation.code === municipalityCode;
}

/** Auditor of the municipality: may read the audit log of its cases. */
export function auditsMunicipality(principal: Principal, municipalityCode: string): boolean {
  return principal.role === 'auditor' && principal.organisation.kind === 'municipality' && principal.organisation.code === municipalityCode;
}

/** KKR secretariat of the region. */
export function servesRegion(principal: Principal, regionCode: string): boolean {
  return principal.role === 'kkr-secretariat' && principal.organisation.kind === 'region' && principal.organisation.code === regionCode;
}
