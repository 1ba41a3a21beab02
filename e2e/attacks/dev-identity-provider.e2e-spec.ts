import { createHash, randomBytes } from 'node:crypto';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { signInAtProvider } from '@tilbudsnet/auth';
import { startTestIdentity, type TestIdentity } from '@tilbudsnet/testing';

/**
 * Finding 10 of the hardening issue: the development provider was our own code, gave a token for
 * any listed user without a credential, listened on every interface and took an empty PKCE
 * verifier. Now it is oidc-provider (OpenID Certified) in a process of its own, on 127.0.0.1,
 * and the demo users need the development password.
 */
let identity: TestIdentity;
const REDIRECT = 'http://127.0.0.1:3000/auth/callback';

beforeAll(async () => {
  identity = await startTestIdentity();
}, 90_000);

afterAll(async () => {
  await identity?.stop();
});

async function discovery(): Promise<{ authorization_endpoint: string; token_endpoint: string; code_challenge_methods_supported: string[] }> {
  return (await fetch(`${identity.issuer}/.well-known/openid-configuration`)).json() as never;
}

async function authorizeUrl(challenge?: string): Promise<string> {
  const params = new URLSearchParams({ response_type: 'code', client_id: 'tilbudsnet-console', redirect_uri: REDIRECT, scope: 'openid profile', state: 's' });
  if (challenge !== undefined) {
    params.set('code_challenge', challenge);
    params.set('code_challenge_method', 'S256');
  }
  return `${(await discovery()).authorization_endpoint}?${params}`;
}

const exchange = async (code: string, verifier: string) => fetch((await discovery()).token_endpoint, {
  method: 'POST',
  body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT, client_id: 'tilbudsnet-console', code_verifier: verifier }),
});

it('is oidc-provider, offering the code flow with S256 only', async () => {
  const d = await discovery();
  expect(d.authorization_endpoint).toBe(`${identity.issuer}/auth`);
  expect(d.code_challenge_methods_supported).toEqual(['S256']);
});

it('signs a demo user in with the password, and not without it', async () => {
  const verifier = randomBytes(32).toString('base64url');
  const url = await authorizeUrl(createHash('sha256').update(verifier).digest('base64url'));
  await expect(signInAtProvider(url, 'admin', 'guessed')).rejects.toThrow(/401/);
  await expect(signInAtProvider(url, 'admin', '')).rejects.toThrow(/401/);
  const callback = new URL(await signInAtProvider(url, 'admin', identity.password));
  expect((await exchange(callback.searchParams.get('code')!, verifier)).status).toBe(200);
});

it('wants PKCE: no challenge is refused, and a code needs the verifier it was made from', async () => {
  const refused = new URL(await signInAtProvider(await authorizeUrl(), 'admin', identity.password));
  expect(refused.searchParams.get('error')).toBe('invalid_request');
  expect(refused.searchParams.get('code')).toBeNull();
  // Each refusal on a code of its own (a refused exchange may use the code up), then the control.
  const freshCode = async () => {
    const verifier = randomBytes(32).toString('base64url');
    const callback = new URL(await signInAtProvider(await authorizeUrl(createHash('sha256').update(verifier).digest('base64url')), 'admin', identity.password));
    return { code: callback.searchParams.get('code')!, verifier };
  };
  expect((await exchange((await freshCode()).code, '')).status).toBe(400);
  expect((await exchange((await freshCode()).code, randomBytes(32).toString('base64url'))).status).toBe(400);
  const right = await freshCode();
  expect((await exchange(right.code, right.verifier)).status).toBe(200);
});

it('listens on loopback only', async () => {
  const port = Number(new URL(identity.issuer).port);
  const outside = Object.values(networkInterfaces()).flat().find((a) => a && a.family === 'IPv4' && !a.internal)?.address;
  const reachable = (host: string) => new Promise<boolean>((done) => {
    const socket = connect(port, host, () => { socket.destroy(); done(true); });
    socket.on('error', () => done(false));
  });
  expect(await reachable('127.0.0.1')).toBe(true);
  if (outside) expect(await reachable(outside)).toBe(false);
});
