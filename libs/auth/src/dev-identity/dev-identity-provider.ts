// Development OpenID Connect provider: discovery, JWKS, authorization code with PKCE (S256),
// token and userinfo endpoints, signing RS256 JWTs for the demo users. Small on purpose; it runs
// only in development and tests. Services know it only as an issuer with a JWKS, so a real
// provider replaces it by configuration.
import { rateFromEnv, RateLimiter } from '../rate-limit';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { exportJWK, generateKeyPair, SignJWT, type JWK, type KeyLike } from 'jose';
import { DEMO_USERS, findDemoUser, type DemoUser } from './demo-users';

export interface DevClient {
  clientId: string;
  redirectUris: string[];
  /** RFC 8252: a loopback redirect may use any port (tests run the console on a free port). */
  loopbackAnyPort?: boolean;
}

function isLoopbackCallback(uri: string): boolean {
  return /^http:\/\/(localhost|127\.0\.0\.1):\d{1,5}\/auth\/callback$/.test(uri);
}

export const DEV_CLIENTS: readonly DevClient[] = [
  { clientId: 'tilbudsnet-console', redirectUris: ['http://localhost:3000/auth/callback', 'http://127.0.0.1:3000/auth/callback'], loopbackAnyPort: true },
  { clientId: 'tilbudsnet-cli', redirectUris: ['http://127.0.0.1/cli-callback'] },
];

export const API_AUDIENCE = 'tilbudsnet-api';

interface PendingCode {
  user: DemoUser;
  clientId: string;
  redirectUri: string;
  challenge: string;
  nonce?: string;
  expiresAt: number;
}

export interface DevIdentityProvider {
  issuer: string;
  /** The interface it listens on (127.0.0.1 unless `host` says otherwise). */
  address: string;
  /** Signs an access token for a demo user; `overrides` lets tests make expired or foreign tokens. */
  signAccessToken(user: DemoUser, overrides?: { issuer?: string; audience?: string; expiresInSeconds?: number }): Promise<string>;
  close(): Promise<void>;
}

function claimsOf(user: DemoUser): Record<string, string> {
  const claims: Record<string, string> = { name: user.name, role: user.role };
  if (user.municipality) claims.municipality = user.municipality;
  if (user.operator) claims.operator = user.operator;
  if (user.region) claims.region = user.region;
  return claims;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function loginPage(params: URLSearchParams): string {
  const hidden = [...params].map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`).join('');
  const options = DEMO_USERS.map((u, i) => `<li><label><input type="radio" name="user" value="${u.id}"${i === 0 ? ' checked' : ''}> ${escapeHtml(u.name)} <span>(${u.role})</span></label></li>`).join('');
  return `<!doctype html><html lang="da"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Log ind – Tilbudsnet (udvikling)</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}ul{list-style:none;padding:0}li{margin:.4rem 0}
span{color:#4a4a4a}button{font-size:1rem;padding:.6rem 1.2rem;background:#00436b;color:#fff;border:0;border-radius:4px}button:focus{outline:3px solid #ffbf47}</style></head>
<body><main><h1>Log ind i Tilbudsnet</h1><p>Udviklingsmiljø: vælg en demobruger.</p>
<form method="post" action="/authorize"><fieldset><legend>Demobrugere</legend><ul>${options}</ul></fieldset>${hidden}
<button type="submit">Log ind</button></form></main></body></html>`;
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

export async function startDevIdentityProvider(options: { port: number; host?: string; issuer?: string }): Promise<DevIdentityProvider> {
  const host = options.host ?? '127.0.0.1';
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const kid = randomUUID();
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  const codes = new Map<string, PendingCode>();
  let issuer = options.issuer ?? `http://localhost:${options.port}`;

  async function sign(payload: Record<string, unknown>, subject: string, audience: string, expiresInSeconds: number, iss = issuer, key: KeyLike = privateKey): Promise<string> {
    return new SignJWT(payload)
      .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
      .setIssuer(iss).setSubject(subject).setAudience(audience)
      .setIssuedAt().setJti(randomUUID())
      .setExpirationTime(Math.floor(Date.now() / 1000) + expiresInSeconds)
      .sign(key);
  }

  const signAccessToken: DevIdentityProvider['signAccessToken'] = (user, overrides = {}) =>
    sign({ ...claimsOf(user), scope: 'openid profile' }, user.id, overrides.audience ?? API_AUDIENCE, overrides.expiresInSeconds ?? 3600, overrides.issuer);

  async function authorize(req: IncomingMessage, res: ServerResponse, params: URLSearchParams): Promise<void> {
    const client = DEV_CLIENTS.find((c) => c.clientId === params.get('client_id'));
    const redirectUri = params.get('redirect_uri') ?? '';
    if (!client || !(client.redirectUris.includes(redirectUri) || (client.loopbackAnyPort && isLoopbackCallback(redirectUri)))) return json(res, 400, { error: 'invalid_request', error_description: 'unknown client_id or redirect_uri' });
    if (params.get('response_type') !== 'code') return json(res, 400, { error: 'unsupported_response_type' });
    if (params.get('code_challenge_method') !== 'S256' || !/^[A-Za-z0-9_-]{43}$/.test(params.get('code_challenge') ?? '')) {
      return json(res, 400, { error: 'invalid_request', error_description: 'PKCE with S256 is required' });
    }
    if (req.method === 'GET') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return void res.end(loginPage(params));
    }
    const user = findDemoUser(params.get('user') ?? '');
    if (!user) return json(res, 400, { error: 'access_denied', error_description: 'unknown demo user' });
    const code = randomBytes(24).toString('base64url');
    codes.set(code, { user, clientId: client.clientId, redirectUri, challenge: params.get('code_challenge')!, nonce: params.get('nonce') ?? undefined, expiresAt: Date.now() + 60000 });
    const target = new URL(redirectUri);
    target.searchParams.set('code', code);
    if (params.get('state')) target.searchParams.set('state', params.get('state')!);
    res.writeHead(302, { location: target.toString() });
    res.end();
  }

  async function token(res: ServerResponse, form: URLSearchParams): Promise<void> {
    if (form.get('grant_type') !== 'authorization_code') return json(res, 400, { error: 'unsupported_grant_type' });
    const pending = codes.get(form.get('code') ?? '');
    codes.delete(form.get('code') ?? '');
    if (!pending || pending.expiresAt < Date.now()) return json(res, 400, { error: 'invalid_grant', error_description: 'unknown or expired code' });
    if (pending.clientId !== form.get('client_id') || pending.redirectUri !== form.get('redirect_uri')) return json(res, 400, { error: 'invalid_grant' });
    const verifier = form.get('code_verifier') ?? '';
    // RFC 7636 §4.1: 43-128 unreserved characters. An empty or short verifier is no proof at all.
    if (!/^[A-Za-z0-9\-._~]{43,128}$/.test(verifier)) return json(res, 400, { error: 'invalid_grant', error_description: 'code_verifier must be 43-128 unreserved characters (RFC 7636)' });
    if (createHash('sha256').update(verifier).digest('base64url') !== pending.challenge) {
      return json(res, 400, { error: 'invalid_grant', error_description: 'code_verifier does not match the challenge' });
    }
    const accessToken = await signAccessToken(pending.user);
    const idToken = await sign({ ...claimsOf(pending.user), ...(pending.nonce ? { nonce: pending.nonce } : {}) }, pending.user.id, pending.clientId, 3600);
    json(res, 200, { access_token: accessToken, id_token: idToken, token_type: 'Bearer', expires_in: 3600, scope: 'openid profile' });
  }

  // Sign-in and token requests per client address: IDENTITY_RATE_LIMIT=<per second>/<burst>.
  const limiter = new RateLimiter(rateFromEnv(process.env.IDENTITY_RATE_LIMIT, { perSecond: 10, burst: 60 }));
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', issuer);
    const route = `${req.method} ${url.pathname}`;
    if (/^(GET|POST) \/(authorize|token)$/.test(route)) {
      const wait = limiter.take(`address:${req.socket.remoteAddress}`);
      if (wait !== null) {
        res.writeHead(429, { 'content-type': 'application/json', 'retry-after': String(wait) });
        return void res.end(JSON.stringify({ error: 'slow_down', error_description: `too many requests; try again in ${wait} s` }));
      }
    }
    (async () => {
      switch (route) {
        case 'GET /.well-known/openid-configuration':
          return json(res, 200, {
            issuer,
            authorization_endpoint: `${issuer}/authorize`,
            token_endpoint: `${issuer}/token`,
            userinfo_endpoint: `${issuer}/userinfo`,
            jwks_uri: `${issuer}/jwks`,
            response_types_supported: ['code'],
            grant_types_supported: ['authorization_code'],
            code_challenge_methods_supported: ['S256'],
            subject_types_supported: ['public'],
            id_token_signing_alg_values_supported: ['RS256'],
            token_endpoint_auth_methods_supported: ['none'],
            claims_supported: ['sub', 'name', 'role', 'municipality', 'operator', 'region'],
          });
        case 'GET /jwks':
          return json(res, 200, { keys: [jwk] });
        case 'GET /authorize':
          return authorize(req, res, url.searchParams);
        case 'POST /authorize':
          return authorize(req, res, await readForm(req));
        case 'POST /token':
          return token(res, await readForm(req));
        case 'GET /userinfo': {
          const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
          const { jwtVerify } = await import('jose');
          if (!bearer) return json(res, 401, { error: 'invalid_token' });
          const { payload } = await jwtVerify(bearer, publicKey, { issuer, audience: API_AUDIENCE });
          return json(res, 200, { sub: payload.sub, ...claimsOf(findDemoUser(String(payload.sub))!) });
        }
        case 'GET /health/live':
        case 'GET /health/ready':
          return json(res, 200, { status: 'ok' });
        default:
          return json(res, 404, { error: 'not_found' });
      }
    })().catch((error) => json(res, 400, { error: 'invalid_request', error_description: String((error as Error).message) }));
  });
  await new Promise<void>((resolve) => server.listen(options.port, host, resolve));
  const address = server.address();
  if (!options.issuer && typeof address === 'object' && address && options.port === 0) issuer = `http://localhost:${address.port}`;

  return {
    get issuer() {
      return issuer;
    },
    address: typeof address === 'object' && address ? address.address : host,
    signAccessToken,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
