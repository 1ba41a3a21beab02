import { createHash, randomBytes } from 'node:crypto';
import { startDevIdentityProvider, type DevIdentityProvider } from './dev-identity-provider';

/** Finding 10 of the hardening issue: the development provider is loopback-only by default and takes no PKCE shortcut. */
let idp: DevIdentityProvider;

beforeAll(async () => {
  idp = await startDevIdentityProvider({ port: 0 });
});

afterAll(async () => {
  await idp?.close();
});

async function codeFor(challenge: string): Promise<Response> {
  const redirect = 'http://127.0.0.1:3000/auth/callback';
  const form = new URLSearchParams({ response_type: 'code', client_id: 'tilbudsnet-console', redirect_uri: redirect, code_challenge: challenge, code_challenge_method: 'S256', user: 'officer-aarhus', state: 's' });
  return fetch(`${idp.issuer}/authorize`, { method: 'POST', body: form, redirect: 'manual' });
}

async function exchange(code: string, verifier: string): Promise<Response> {
  return fetch(`${idp.issuer}/token`, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: 'http://127.0.0.1:3000/auth/callback', client_id: 'tilbudsnet-console', code_verifier: verifier }),
  });
}

it('refuses an empty or short code verifier even when the challenge was made from it', async () => {
  for (const verifier of ['', 'short']) {
    const authorized = await codeFor(createHash('sha256').update(verifier).digest('base64url'));
    const code = new URL(authorized.headers.get('location')!).searchParams.get('code')!;
    expect((await exchange(code, verifier)).status).toBe(400);
  }
});

it('refuses a challenge that is not a S256 hash, and gives a token for a proper verifier', async () => {
  expect((await codeFor('')).status).toBe(400);
  expect((await codeFor('x')).status).toBe(400);
  const verifier = randomBytes(32).toString('base64url');
  const authorized = await codeFor(createHash('sha256').update(verifier).digest('base64url'));
  const code = new URL(authorized.headers.get('location')!).searchParams.get('code')!;
  expect((await exchange(code, verifier)).status).toBe(200);
});

it('listens on loopback only unless told otherwise', () => {
  expect(idp.address).toBe('127.0.0.1');
});
