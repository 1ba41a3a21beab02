import { createHash, randomBytes } from 'node:crypto';
import { decodeJwt } from 'jose';
import type { SignedInUser } from './sessions';

interface Discovery {
  authorization_endpoint: string;
  token_endpoint: string;
}

interface PendingLogin {
  /** The browser that started the sign-in holds this in a short-lived cookie; only it may finish. */
  browserKey: string;
  verifier: string;
  redirectUri: string;
  returnTo: string;
  expiresAt: number;
}

/**
 * Sign-in with the authorization code flow and PKCE (S256) against the OpenID Connect provider
 * (`OIDC_ISSUER`). The console's server is the client: it keeps the verifier, exchanges the code
 * and keeps the token in the session.
 */
/** Sign-ins started and not finished are kept 10 minutes, and at most this many at once. */
export const MAX_PENDING_SIGN_INS = 10_000;

export class OidcLogin {
  private readonly pending = new Map<string, PendingLogin>();
  private discovery: Promise<Discovery> | null = null;

  constructor(private readonly issuer: string, private readonly clientId = 'tilbudsnet-console') {}

  private endpoints(): Promise<Discovery> {
    this.discovery ??= fetch(`${this.issuer}/.well-known/openid-configuration`).then(async (r) => {
      if (!r.ok) throw new Error(`discovery answered ${r.status}`);
      return (await r.json()) as Discovery;
    });
    this.discovery.catch(() => { this.discovery = null; });
    return this.discovery;
  }

  /**
   * Where to send the browser to sign in, and the key the browser must keep (a cookie) to finish:
   * a callback URL completed by one person and opened by another cannot sign the second in.
   */
  async start(redirectUri: string, returnTo: string): Promise<{ url: string; browserKey: string }> {
    this.prune();
    if (this.pending.size >= MAX_PENDING_SIGN_INS) throw new Error('too many sign-ins in progress; try again in a minute');
    const verifier = randomBytes(32).toString('base64url');
    const state = randomBytes(16).toString('base64url');
    const browserKey = randomBytes(24).toString('base64url');
    this.pending.set(state, { browserKey, verifier, redirectUri, returnTo, expiresAt: Date.now() + 10 * 60_000 });
    const params = new URLSearchParams({
      response_type: 'code', client_id: this.clientId, redirect_uri: redirectUri, scope: 'openid profile', state,
      code_challenge: createHash('sha256').update(verifier).digest('base64url'), code_challenge_method: 'S256',
    });
    return { url: `${(await this.endpoints()).authorization_endpoint}?${params}`, browserKey };
  }

  private prune(now = Date.now()): void {
    for (const [state, login] of this.pending) if (login.expiresAt < now) this.pending.delete(state);
  }

  /** The provider sent the browser back: exchange the code for tokens. */
  async finish(state: string, code: string, browserKey: string | undefined): Promise<{ accessToken: string; user: SignedInUser; expiresIn: number; returnTo: string }> {
    const login = this.pending.get(state);
    if (!login || login.expiresAt < Date.now()) throw new Error('unknown or expired sign-in');
    if (!browserKey || browserKey !== login.browserKey) throw new Error('this sign-in was started in another browser');
    this.pending.delete(state);
    const response = await fetch((await this.endpoints()).token_endpoint, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: login.redirectUri, client_id: this.clientId, code_verifier: login.verifier }),
    });
    if (!response.ok) throw new Error(`token endpoint answered ${response.status}`);
    const tokens = (await response.json()) as { access_token: string; id_token: string; expires_in?: number };
    // The id token came straight from the provider over TLS in production; the APIs verify the access token themselves.
    const claims = decodeJwt(tokens.id_token) as Record<string, string>;
    const user: SignedInUser = { sub: claims.sub, name: claims.name ?? claims.sub, role: claims.role, municipality: claims.municipality, operator: claims.operator, region: claims.region };
    return { accessToken: tokens.access_token, user, expiresIn: tokens.expires_in ?? 3600, returnTo: login.returnTo };
  }
}
