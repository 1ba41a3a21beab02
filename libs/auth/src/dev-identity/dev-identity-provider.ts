// Development OpenID Connect provider: `oidc-provider` (OpenID Certified), configured for the demo
// users, authorization code with PKCE (S256) only, JWT access tokens for the APIs' audience, and a
// sign-in page that wants the demo user and the development password. Runs in a process of its own
// (npm start's `identity`, or a child process in tests); services know it only by discovery and
// JWKS, so the municipalities' own provider replaces it by configuration (`OIDC_ISSUER`).
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import { rateFromEnv, RateLimiter } from '../rate-limit';
import { DEMO_USERS, findDemoUser, type DemoUser } from './demo-users';

export type { JWK } from 'jose';

export const API_AUDIENCE = 'tilbudsnet-api';
/** The APIs as a resource indicator (RFC 8707 wants an absolute URI); their tokens carry API_AUDIENCE. */
const API_RESOURCE = 'urn:tilbudsnet:api';

/** The demo users' password in development (`IDENTITY_DEV_PASSWORD`); npm start prints it. */
export function devIdentityPassword(env: NodeJS.ProcessEnv = process.env): string {
  return env.IDENTITY_DEV_PASSWORD || 'tilbudsnet-demo';
}

/** Public clients (PKCE, no secret). Native: a loopback redirect may use any port (RFC 8252 §7.3). */
const CLIENTS = [
  { client_id: 'tilbudsnet-console', redirect_uris: ['http://localhost:3000/auth/callback', 'http://127.0.0.1:3000/auth/callback'] },
  { client_id: 'tilbudsnet-cli', redirect_uris: ['http://127.0.0.1/cli-callback'] },
].map((c) => ({ ...c, application_type: 'native', token_endpoint_auth_method: 'none', grant_types: ['authorization_code'], response_types: ['code'] }));

export interface DevIdentityProvider {
  issuer: string;
  /** The interface it listens on (127.0.0.1 unless `host` says otherwise). */
  address: string;
  close(): Promise<void>;
}

export function claimsOf(user: DemoUser): Record<string, string> {
  const claims: Record<string, string> = { name: user.name, role: user.role };
  if (user.municipality) claims.municipality = user.municipality;
  if (user.operator) claims.operator = user.operator;
  if (user.region) claims.region = user.region;
  return claims;
}

/** A new RS256 signing key as a private JWK (tests keep it to sign tokens the checks must refuse). */
export async function newSigningKey(): Promise<JWK> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  return { ...(await exportJWK(privateKey)), kid: randomBytes(8).toString('hex'), alg: 'RS256', use: 'sig' };
}

// oidc-provider is an ES module; this file is compiled to CommonJS, which would turn `import()` into `require()`.
const importModule = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<any>;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function loginPage(uid: string, error?: string): string {
  const options = DEMO_USERS.map((u, i) => `<li><label><input type="radio" name="user" value="${u.id}"${i === 0 ? ' checked' : ''}> ${escapeHtml(u.name)} <span>(${u.role})</span></label></li>`).join('');
  return `<!doctype html><html lang="da"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Log ind – Tilbudsnet (udvikling)</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}ul{list-style:none;padding:0}li{margin:.4rem 0}
span{color:#4a4a4a}label{display:inline-block;margin:.2rem 0}input[type=password]{font-size:1rem;padding:.4rem;display:block;margin:.3rem 0 1rem}
button{font-size:1rem;padding:.6rem 1.2rem;background:#00436b;color:#fff;border:0;border-radius:4px}button:focus,input:focus{outline:3px solid #ffbf47}
.error{color:#a4000f;font-weight:bold}</style></head>
<body><main><h1>Log ind i Tilbudsnet</h1><p>Udviklingsmiljø: vælg en demobruger og skriv udviklingsadgangskoden (npm start skriver den).</p>
${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/interaction/${escapeHtml(uid)}/login"><fieldset><legend>Demobrugere</legend><ul>${options}</ul></fieldset>
<label for="password">Adgangskode</label><input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">Log ind</button></form></main></body></html>`;
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 16 * 1024) throw new Error('form too large');
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

function samePassword(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export interface DevIdentityOptions {
  port: number;
  host?: string;
  issuer?: string;
  /** Private RS256 JWK to sign with; a fresh one when not given. */
  signingKey?: JWK;
  password?: string;
}

export async function startDevIdentityProvider(options: DevIdentityOptions): Promise<DevIdentityProvider> {
  const host = options.host ?? '127.0.0.1';
  const password = options.password ?? devIdentityPassword();
  const signingKey = options.signingKey ?? (await newSigningKey());
  // Until the provider is made (it needs the issuer, so the port), requests are told to come back.
  let handle: ((req: IncomingMessage, res: ServerResponse) => void) | null = null;
  const server: Server = createServer((req, res) => {
    if (handle) return handle(req, res);
    res.writeHead(503, { 'retry-after': '1', 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: 'temporarily_unavailable', error_description: 'starting' }));
  });
  await new Promise<void>((resolve) => server.listen(options.port, host, resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const issuer = options.issuer ?? `http://localhost:${port}`;

  const { default: Provider, errors } = await importModule('oidc-provider');
  const provider = new Provider(issuer, {
    clients: CLIENTS,
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    pkce: { required: () => true },
    scopes: ['openid', 'profile'],
    claims: { openid: ['sub'], profile: ['name', 'role', 'municipality', 'operator', 'region'] },
    // The console reads who signed in from the ID token.
    conformIdTokenClaims: false,
    async findAccount(_ctx: unknown, id: string) {
      const user = findDemoUser(id);
      return user ? { accountId: id, claims: async () => ({ sub: id, ...claimsOf(user) }) } : undefined;
    },
    features: {
      devInteractions: { enabled: false },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => API_RESOURCE,
        useGrantedResource: () => true,
        getResourceServerInfo(_ctx: unknown, indicator: string) {
          if (indicator !== API_RESOURCE) throw new errors.InvalidTarget();
          return { scope: 'api', audience: API_AUDIENCE, accessTokenTTL: 3600, accessTokenFormat: 'jwt', jwt: { sign: { alg: 'RS256' } } };
        },
      },
    },
    // The APIs decide by the user's role and organisation, carried in the access token.
    async extraTokenClaims(_ctx: unknown, token: { accountId?: string }) {
      const user = token.accountId ? findDemoUser(token.accountId) : undefined;
      return user ? claimsOf(user) : undefined;
    },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    ttl: { AccessToken: 3600, AuthorizationCode: 60, IdToken: 3600, Interaction: 600, Session: 3600, Grant: 3600 },
  });

  // Sign-in, interaction and token requests per client address: IDENTITY_RATE_LIMIT=<per second>/<burst>.
  const limiter = new RateLimiter(rateFromEnv(process.env.IDENTITY_RATE_LIMIT, { perSecond: 10, burst: 60 }));
  provider.use(async (ctx: any, next: () => Promise<void>) => {
    if (ctx.path === '/health/live' || ctx.path === '/health/ready') {
      ctx.body = { status: 'ok' };
      return;
    }
    if (/^\/(auth|token|interaction)(\/|$)/.test(ctx.path)) {
      const wait = limiter.take(`address:${ctx.req.socket.remoteAddress}`);
      if (wait !== null) {
        ctx.status = 429;
        ctx.set('retry-after', String(wait));
        ctx.body = { error: 'slow_down', error_description: `too many requests; try again in ${wait} s` };
        return;
      }
    }
    const interaction = /^\/interaction\/([\w-]+)(\/login)?$/.exec(ctx.path);
    if (!interaction) return next();
    const details = await provider.interactionDetails(ctx.req, ctx.res);
    ctx.set('cache-control', 'no-store');
    if (details.prompt.name === 'consent') {
      // Our own clients (native ones always get this prompt): no consent screen; the grant covers sign-in and the API.
      const grant = details.grantId ? await provider.Grant.find(details.grantId) : new provider.Grant({ accountId: details.session.accountId, clientId: details.params.client_id });
      grant.addOIDCScope('openid profile');
      grant.addOIDCClaims(['name', 'role', 'municipality', 'operator', 'region']);
      grant.addResourceScope(API_RESOURCE, 'api');
      const to = await provider.interactionResult(ctx.req, ctx.res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
      ctx.status = 303;
      ctx.redirect(to);
      return;
    }
    if (ctx.method === 'GET' && !interaction[2]) {
      ctx.type = 'html';
      ctx.body = loginPage(details.uid);
      return;
    }
    if (ctx.method !== 'POST' || !interaction[2]) return next();
    const form = await readForm(ctx.req);
    const user = findDemoUser(form.get('user') ?? '');
    if (!user || !samePassword(form.get('password') ?? '', password)) {
      ctx.status = 401;
      ctx.type = 'html';
      ctx.body = loginPage(details.uid, 'Forkert bruger eller adgangskode.');
      return;
    }
    const to = await provider.interactionResult(ctx.req, ctx.res, { login: { accountId: user.id } }, { mergeWithLastSubmission: false });
    ctx.status = 303;
    ctx.redirect(to);
  });
  handle = provider.callback();

  return {
    issuer,
    address: typeof address === 'object' && address ? address.address : host,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
