import { regionOfMunicipality } from '@tilbudsnet/contracts';

/** The roles a token's `role` claim may carry (architecture.md, "Who uses it"). */
export const ROLES = ['visitation-officer', 'offer-manager', 'kkr-secretariat', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** The organisation a user acts for. Operators are `<kind>:<id>`, as offers name them. */
export type Organisation =
  | { kind: 'municipality'; code: string }
  | { kind: 'operator'; operatorKind: 'municipality' | 'region' | 'private'; id: string }
  | { kind: 'region'; code: string }
  | { kind: 'operations' };

/** Someone, from some organisation, in some role: what every authenticated request carries. */
export interface Principal {
  sub: string;
  name: string;
  role: Role;
  organisation: Organisation;
}

export class InvalidTokenClaims extends Error {}

/** Which organisation claim each role must carry. */
const ORGANISATION_OF_ROLE: Record<Role, Organisation['kind']> = {
  'visitation-officer': 'municipality',
  'offer-manager': 'operator',
  'kkr-secretariat': 'region',
  auditor: 'municipality',
  admin: 'operations',
};

const isMunicipality = (code: string) => regionOfMunicipality(code) !== undefined;

/** What an operator's id must be for its kind: the claim's shape is checked, not trusted. */
const OPERATOR_ID = {
  municipality: isMunicipality,
  region: (id: string) => /^108[1-5]$/.test(id),
  private: (id: string) => /^\d{8}$/.test(id),
};

/** Reads a verified token's claims into a principal; refuses a role without its organisation. */
export function principalFromClaims(claims: Record<string, unknown>): Principal {
  const { sub, role } = claims;
  if (typeof sub !== 'string' || !sub) throw new InvalidTokenClaims('token has no sub');
  if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role)) throw new InvalidTokenClaims('token has no known role');
  const name = typeof claims.name === 'string' ? claims.name : sub;
  const wanted = ORGANISATION_OF_ROLE[role as Role];
  let organisation: Organisation;
  switch (wanted) {
    case 'municipality':
      if (typeof claims.municipality !== 'string' || !isMunicipality(claims.municipality)) throw new InvalidTokenClaims(`role ${role} needs a municipality claim naming one of the 98 municipalities`);
      organisation = { kind: 'municipality', code: claims.municipality };
      break;
    case 'region':
      if (typeof claims.region !== 'string' || !/^108[1-5]$/.test(claims.region)) throw new InvalidTokenClaims(`role ${role} needs a region claim`);
      organisation = { kind: 'region', code: claims.region };
      break;
    case 'operator': {
      const match = typeof claims.operator === 'string' ? /^(municipality|region|private):(\d{4}|\d{8})$/.exec(claims.operator) : null;
      if (!match || !OPERATOR_ID[match[1] as keyof typeof OPERATOR_ID](match[2])) {
        throw new InvalidTokenClaims(`role ${role} needs an operator claim <kind>:<id> (a municipality's code, a region's code 1081-1085, or a private provider's 8-digit CVR)`);
      }
      organisation = { kind: 'operator', operatorKind: match[1] as 'municipality' | 'region' | 'private', id: match[2] };
      break;
    }
    case 'operations':
      organisation = { kind: 'operations' };
      break;
  }
  return { sub, name, role: role as Role, organisation };
}

/** A short text naming the organisation, for audit records and messages. */
export function organisationLabel(organisation: Organisation): string {
  switch (organisation.kind) {
    case 'municipality':
    case 'region':
      return `${organisation.kind}:${organisation.code}`;
    case 'operator':
      return `operator:${organisation.operatorKind}:${organisation.id}`;
    case 'operations':
      return 'operations';
  }
}
