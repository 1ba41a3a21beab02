import { createHash, randomBytes } from 'node:crypto';

/**
 * Signs a demo user in at an OIDC provider by the authorization code flow with PKCE, as the
 * console does, and returns the access token. Works against the dev provider's login form.
 */
export async function fetchTokenFor(issuer: string, user: string, clientId = 'tilbudsnet-cli', redirectUri = 'http://127.0.0.1/cli-callback'): Promise<string> {
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const params = new URLSearchParams({
    response_type: 'code', client_id: clientId, redirect_uri: redirectUri, scope: 'openid profile',
    state: randomBytes(8).toString('hex'), code_challenge: challenge, code_challenge_method: 'S256', user,
  });
  const login = await fetch(`${issuer}/authorize`, { method: 'POST', body: params, redirect: 'manual' });
  const location = login.headers.get('location');
  if (login.status !== 302 || !location) throw new Error(`sign-in of ${user} failed: ${login.status} ${await login.text()}`);
  const code = new URL(location).searchParams.get('code');
  if (!code) throw new Error(`sign-in of ${user} returned no code`);
  const token = await fetch(`${issuer}/token`, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, client_id: clientId, code_verifier: verifier }),
  });
  const body = (await token.json()) as { access_token?: string; error?: string };
  if (!body.access_token) throw new Error(`token request for ${user} failed: ${body.error}`);
  return body.access_token;
}
