import { RuleViolation } from '@tilbudsnet/contracts';
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

/*
 * The same rules as guards: each throws the one 403 (a RuleViolation naming the field and the rule)
 * when the caller's organisation does not own what it asks for. Use cases call these instead of
 * building their own 403s, so a reader finds every organisation check by name.
 */

/** `operator` as the `<kind>:<id>` label stored beside an offer, or as its parts. */
export function operatorParts(operator: string | { kind: string; id: string }): { kind: string; id: string } {
  if (typeof operator !== 'string') return operator;
  const [kind, ...rest] = operator.split(':');
  return { kind, id: rest.join(':') };
}

export function requireOwnOperator(principal: Principal, operator: string | { kind: string; id: string }, field: string, message: string): void {
  if (!managesOperator(principal, operatorParts(operator))) throw new RuleViolation(field, 'own-operator-only', message, 403);
}

export function requireActingMunicipality(principal: Principal, municipalityCode: string, field: string, message: string): void {
  if (!actsForMunicipality(principal, municipalityCode)) throw new RuleViolation(field, 'own-municipality-only', message, 403);
}

export function requireOwnRegion(principal: Principal, regionCode: string, field: string, message: string): void {
  if (!servesRegion(principal, regionCode)) throw new RuleViolation(field, 'own-region-only', message, 403);
}

export function requireAuditorOf(principal: Principal, municipalityCode: string, field: string, message: string): void {
  if (!auditsMunicipality(principal, municipalityCode)) throw new RuleViolation(field, 'own-municipality-only', message, 403);
}
