import { createHash, randomBytes } from 'node:crypto';
import { devIdentityPassword } from './dev-identity-provider';

/**
 * Goes through the development provider's sign-in as a browser would, from the authorization URL
 * a client made: follows the provider's redirects with its cookies, posts the demo user and the
 * password on the sign-in page, and returns where the provider sends the browser back (the
 * client's redirect URI with `code` and `state`).
 */
export async function signInAtProvider(authorizeUrl: string, user: string, password = devIdentityPassword()): Promise<string> {
  const provider = new URL(authorizeUrl).origin;
  const cookies = new Map<string, string>();
  const request = async (url: string, init: RequestInit = {}): Promise<Response> => {
    const response = await fetch(url, {
      ...init, redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    for (const setCookie of response.headers.getSetCookie()) {
      const pair = setCookie.split(';')[0];
      const at = pair.indexOf('=');
      cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
    return response;
  };
  let response = await request(authorizeUrl);
  for (let hop = 0; hop < 8; hop++) {
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      const next = new URL(location, provider);
      if (next.origin !== provider) return next.toString();
      response = await request(next.toString());
      continue;
    }
    const page = new URL(response.url || authorizeUrl);
    if (response.status === 200 && /^\/interaction\/[\w-]+$/.test(page.pathname)) {
      await response.text();
      response = await request(`${provider}${page.pathname}/login`, {
        method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ user, password }).toString(),
      });
      continue;
    }
    throw new Error(`sign-in of ${user} failed: ${response.status} ${(await response.text()).slice(0, 300)}`);
  }
  throw new Error(`sign-in of ${user} did not finish`);
}

/**
 * Signs a demo user in at an OIDC provider by the authorization code flow with PKCE, as the
 * console does, and returns the access token.
 */
export async function fetchTokenFor(issuer: string, user: string, password = devIdentityPassword(), clientId = 'tilbudsnet-cli', redirectUri = 'http://127.0.0.1/cli-callback'): Promise<string> {
  const verifier = randomBytes(32).toString('base64url');
  const discovery = (await (await fetch(`${issuer}/.well-known/openid-configuration`)).json()) as { authorization_endpoint: string; token_endpoint: string };
  const params = new URLSearchParams({
    response_type: 'code', client_id: clientId, redirect_uri: redirectUri, scope: 'openid profile',
    state: randomBytes(8).toString('hex'), code_challenge: createHash('sha256').update(verifier).digest('base64url'), code_challenge_method: 'S256',
  });
  const callback = new URL(await signInAtProvider(`${discovery.authorization_endpoint}?${params}`, user, password));
  const code = callback.searchParams.get('code');
  if (!code) throw new Error(`sign-in of ${user} returned no code: ${callback.search}`);
  const token = await fetch(discovery.token_endpoint, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, client_id: clientId, code_verifier: verifier }),
  });
  const body = (await token.json()) as { access_token?: string; error?: string; error_description?: string };
  if (!body.access_token) throw new Error(`token request for ${user} failed: ${body.error} ${body.error_description ?? ''}`);
  return body.access_token;
}
