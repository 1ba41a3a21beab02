import { DEMO_USERS, fetchTokenFor, findDemoUser, startDevIdentityProvider, type DevIdentityProvider } from '@tilbudsnet/auth';
import { randomBytes } from 'node:crypto';

export interface TestIdentity {
  idp: DevIdentityProvider;
  issuer: string;
  /** An access token for a demo user, by the real sign-in flow (authorization code + PKCE). */
  tokenFor(userId: string): Promise<string>;
  /** `Authorization` header for a demo user. */
  authFor(userId: string): Promise<Record<string, string>>;
  stop(): Promise<void>;
}

/**
 * Starts the dev identity provider on a free port and points services at it (`OIDC_ISSUER`).
 * Also sets test keys for citizen data, fresh for each run.
 */
export async function startTestIdentity(): Promise<TestIdentity> {
  const idp = await startDevIdentityProvider({ port: 0 });
  process.env.OIDC_ISSUER = idp.issuer;
  process.env.CITIZEN_DATA_KEYS ??= `test1:${randomBytes(32).toString('base64')}`;
  process.env.CPR_LOOKUP_KEY ??= randomBytes(32).toString('base64');
  const tokens = new Map<string, Promise<string>>();
  const tokenFor = (userId: string): Promise<string> => {
    if (!findDemoUser(userId)) throw new Error(`no demo user ${userId}; there are ${DEMO_USERS.map((u) => u.id).join(', ')}`);
    if (!tokens.has(userId)) tokens.set(userId, fetchTokenFor(idp.issuer, userId));
    return tokens.get(userId)!;
  };
  return {
    idp,
    issuer: idp.issuer,
    tokenFor,
    authFor: async (userId) => ({ authorization: `Bearer ${await tokenFor(userId)}` }),
    stop: () => idp.close(),
  };
}
