import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { importJWK, SignJWT, type JWK } from 'jose';
import { API_AUDIENCE, claimsOf, DEMO_USERS, devIdentityPassword, fetchTokenFor, findDemoUser, newSigningKey, type DemoUser } from '@tilbudsnet/auth';

const ROOT = join(__dirname, '../../..');

export interface TestIdentity {
  issuer: string;
  /** The demo users' password at this provider. */
  password: string;
  /** An access token for a demo user, by the real sign-in flow (authorization code + PKCE, password). */
  tokenFor(userId: string): Promise<string>;
  /** `Authorization` header for a demo user. */
  authFor(userId: string): Promise<Record<string, string>>;
  /**
   * Signs a token with the provider's own key but claims of the test's choosing (expired, another
   * issuer or audience), to prove the services' checks refuse what the key alone would not.
   */
  signAccessToken(user: DemoUser, overrides?: { issuer?: string; audience?: string; expiresInSeconds?: number }): Promise<string>;
  stop(): Promise<void>;
}

/** Starts services/console/src/dev-identity.main.ts as a process of its own; resolves once it prints its issuer. */
async function startProviderProcess(signingKey: JWK, password: string): Promise<{ child: ChildProcess; issuer: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, IDENTITY_PORT: '0', IDENTITY_SIGNING_KEY: JSON.stringify(signingKey), IDENTITY_DEV_PASSWORD: password };
  delete env.OIDC_ISSUER;
  delete env.IDENTITY_HOST;
  const child = spawn(process.execPath, ['-r', join(ROOT, 'deploy/local/register.js'), join(ROOT, 'services/console/src/dev-identity.main.ts')], {
    cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let errors = '';
  child.stderr!.on('data', (chunk: Buffer) => { errors = (errors + chunk.toString()).slice(-4000); });
  const issuer = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`identity provider did not start in 60 s: ${errors}`)), 60_000);
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`identity provider exited (${code}): ${errors}`)); });
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const issuer = /"issuer":"([^"]+)"/.exec(line)?.[1];
      if (issuer) { clearTimeout(timer); resolve(issuer); }
    });
  });
  return { child, issuer };
}

/**
 * Starts the dev identity provider in a process of its own on a free port and points services at
 * it (`OIDC_ISSUER`). Also sets test keys for citizen data, fresh for each run.
 */
export async function startTestIdentity(): Promise<TestIdentity> {
  const signingKey = await newSigningKey();
  const password = `${devIdentityPassword()}-${randomBytes(4).toString('hex')}`;
  const { child, issuer } = await startProviderProcess(signingKey, password);
  process.env.OIDC_ISSUER = issuer;
  process.env.CITIZEN_DATA_KEYS ??= `test1:${randomBytes(32).toString('base64')}`;
  process.env.CPR_LOOKUP_KEY ??= randomBytes(32).toString('base64');
  const tokens = new Map<string, Promise<string>>();
  const tokenFor = (userId: string): Promise<string> => {
    if (!findDemoUser(userId)) throw new Error(`no demo user ${userId}; there are ${DEMO_USERS.map((u) => u.id).join(', ')}`);
    if (!tokens.has(userId)) tokens.set(userId, fetchTokenFor(issuer, userId, password));
    return tokens.get(userId)!;
  };
  const key = await importJWK(signingKey, 'RS256');
  return {
    issuer,
    password,
    tokenFor,
    authFor: async (userId) => ({ authorization: `Bearer ${await tokenFor(userId)}` }),
    signAccessToken: (user, overrides = {}) => new SignJWT(claimsOf(user))
      .setProtectedHeader({ alg: 'RS256', kid: signingKey.kid, typ: 'at+jwt' })
      .setIssuer(overrides.issuer ?? issuer).setSubject(user.id).setAudience(overrides.audience ?? API_AUDIENCE)
      .setIssuedAt().setJti(randomUUID())
      .setExpirationTime(Math.floor(Date.now() / 1000) + (overrides.expiresInSeconds ?? 3600))
      .sign(key),
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
