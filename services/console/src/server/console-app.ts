import { rateFromEnv, RateLimiter, rateLimitMiddleware } from '@tilbudsnet/auth';
import express, { type Request, type Response } from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { LiveUpdates } from './live-updates';
import { OidcLogin } from './oidc-login';
import { cookieOf, SessionStore } from './sessions';

export interface ConsoleConfig {
  port: number;
  host?: string;
  /** Where the browser reaches the console; the sign-in callback is `<publicUrl>/auth/callback`. Default: the address it listens on. */
  publicUrl?: string;
  issuer: string;
  services: Record<'offers' | 'visitation' | 'tariffs' | 'notifications', string>;
  /** Kafka for live updates; off in a console without a broker. */
  liveUpdates?: boolean;
}

export interface RunningConsole {
  url: string;
  live: LiveUpdates | null;
  stop(): Promise<void>;
}

const COOKIE = 'tn_session';
/** The short-lived cookie that binds a sign-in to the browser that started it. */
const LOGIN_COOKIE = 'tn_login';
const WEB = join(__dirname, '../web');
/** Headers passed to the services and back; nothing else (no cookies upstream, no tokens down). */
const FORWARDED_REQUEST_HEADERS = ['content-type', 'accept', 'x-purpose', 'x-correlation-id', 'accept-language'];
const FORWARDED_RESPONSE_HEADERS = ['content-type', 'content-disposition', 'content-length', 'x-correlation-id'];

/**
 * The console: static pages (Danish and English), sign-in with PKCE, an API gateway that adds the
 * user's token to calls to the four services, and server-sent events for live updates.
 */
export async function startConsole(config: ConsoleConfig): Promise<RunningConsole> {
  const app = express();
  app.disable('x-powered-by');
  const sessions = new SessionStore();
  const login = new OidcLogin(config.issuer);
  const live = config.liveUpdates === false ? null : new LiveUpdates();
  let publicUrl = config.publicUrl ?? '';
  const session = (req: Request) => sessions.get(cookieOf(req.headers.cookie, COOKIE));
  const secure = () => (publicUrl.startsWith('https:') ? '; Secure' : '');
  /**
   * A change (any method but GET/HEAD) must come from the console's own pages: the browser's Origin
   * is the console's, the body is JSON, and the session's CSRF token is in `X-CSRF-Token`. A form
   * on another site can send none of these, so it cannot act for a signed-in user.
   */
  const crossSiteRefusal = (req: Request, s: { csrfToken: string } | undefined): { statusCode: number; code: string; message: string } | null => {
    if (req.method === 'GET' || req.method === 'HEAD') return null;
    const origin = req.headers.origin;
    if (!origin || origin !== new URL(publicUrl).origin) return { statusCode: 403, code: 'same-origin-only', message: 'changes are accepted from the console\'s own pages only (Origin)' };
    if (!s || req.headers['x-csrf-token'] !== s.csrfToken) return { statusCode: 403, code: 'csrf-token', message: 'the X-CSRF-Token header is missing or wrong' };
    const length = Number(req.headers['content-length'] ?? 0);
    const type = String(req.headers['content-type'] ?? '');
    if ((length > 0 || req.headers['transfer-encoding']) && !/^application\/json\s*(;|$)/i.test(type)) return { statusCode: 415, code: 'json-only', message: 'request bodies must be application/json' };
    return null;
  };

  app.use((_req, res, next) => {
    // Strict by default: our own scripts and styles only.
    res.setHeader('content-security-policy', "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'");
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'same-origin');
    next();
  });
  app.get('/health/live', (_req, res) => { res.json({ status: 'ok' }); });
  // Ready while live updates run (when the console has them): a stopped consumer is not hidden.
  app.get('/health/ready', (_req, res) => {
    if (live && !live.up) res.status(503).json({ status: 'unavailable', liveUpdates: 'down' });
    else res.json({ status: 'ok', liveUpdates: live ? 'up' : 'off' });
  });

  // Prometheus text format: is the live-updates consumer up, how often it restarted, what it dead-lettered.
  app.get('/metrics', (_req, res) => {
    res.type('text/plain; version=0.0.4').send([
      '# HELP console_live_updates_up 1 while the live-updates consumer runs', '# TYPE console_live_updates_up gauge', `console_live_updates_up ${live?.up ? 1 : 0}`,
      '# HELP console_live_updates_restarts_total Times the live-updates consumer was started again', '# TYPE console_live_updates_restarts_total counter', `console_live_updates_restarts_total ${live?.restarts ?? 0}`,
      '# HELP console_dead_letters_total Messages the console dead-lettered', '# TYPE console_dead_letters_total counter', `console_dead_letters_total ${live?.deadLetters ?? 0}`, '',
    ].join('\n'));
  });

  // Sign-in per client address: CONSOLE_LOGIN_RATE_LIMIT=<per second>/<burst>.
  const signIns = rateLimitMiddleware(new RateLimiter(rateFromEnv(process.env.CONSOLE_LOGIN_RATE_LIMIT, { perSecond: 5, burst: 30 })), (req) => `address:${req.socket?.remoteAddress}`);
  app.use('/auth', signIns as never);
  app.get('/auth/login', async (req, res) => {
    try {
      const returnTo = typeof req.query.returnTo === 'string' && req.query.returnTo.startsWith('#/') ? req.query.returnTo : '#/';
      const started = await login.start(`${publicUrl}/auth/callback`, returnTo);
      res.setHeader('set-cookie', `${LOGIN_COOKIE}=${started.browserKey}; HttpOnly; SameSite=Lax; Path=/auth; Max-Age=600${secure()}`);
      res.redirect(started.url);
    } catch (error) {
      res.status(503).type('text/plain').send(`Log-ind er ikke tilgængelig lige nu / Sign-in is unavailable: ${(error as Error).message}`);
    }
  });
  app.get('/auth/callback', async (req, res) => {
    try {
      const done = await login.finish(String(req.query.state ?? ''), String(req.query.code ?? ''), cookieOf(req.headers.cookie, LOGIN_COOKIE));
      const id = sessions.create(done.accessToken, done.user, done.expiresIn);
      res.setHeader('set-cookie', [
        `${COOKIE}=${id}; HttpOnly; SameSite=Lax; Path=/; Max-Age=${done.expiresIn}${secure()}`,
        `${LOGIN_COOKIE}=; HttpOnly; SameSite=Lax; Path=/auth; Max-Age=0${secure()}`,
      ]);
      res.redirect(`/${done.returnTo}`);
    } catch (error) {
      res.status(400).type('text/plain').send(`Log-ind mislykkedes / Sign-in failed: ${(error as Error).message}`);
    }
  });
  app.post('/auth/logout', (req, res) => {
    const refusal = crossSiteRefusal(req, session(req));
    if (refusal) return void res.status(refusal.statusCode).json(refusal);
    sessions.end(cookieOf(req.headers.cookie, COOKIE));
    res.setHeader('set-cookie', `${COOKIE}=; HttpOnly; SameSite=Lax; Path=/; Max-Age=0${secure()}`);
    res.status(204).end();
  });
  app.get('/api/me', (req, res) => {
    const s = session(req);
    if (!s) return void res.status(401).json({ message: 'not signed in' });
    res.json({ ...s.user, csrfToken: s.csrfToken });
  });

  app.get('/api/live', (req, res) => {
    if (!session(req)) return void res.status(401).end();
    if (!live) return void res.status(503).end();
    live.attach(res);
  });

  app.use('/api/:service', express.raw({ type: () => true, limit: '1mb' }), async (req: Request, res: Response) => {
    const s = session(req);
    if (!s) return void res.status(401).json({ message: 'not signed in' });
    const base = config.services[req.params.service as keyof ConsoleConfig['services']];
    if (!base) return void res.status(404).json({ message: 'no such service' });
    const refusal = crossSiteRefusal(req, s);
    if (refusal) return void res.status(refusal.statusCode).json(refusal);
    const headers: Record<string, string> = { authorization: `Bearer ${s.accessToken}` };
    for (const name of FORWARDED_REQUEST_HEADERS) if (typeof req.headers[name] === 'string') headers[name] = req.headers[name] as string;
    try {
      const upstream = await fetch(`${base}${req.url}`, {
        method: req.method, headers, body: ['GET', 'HEAD'].includes(req.method) || !Buffer.isBuffer(req.body) || !req.body.length ? undefined : req.body,
      });
      res.status(upstream.status);
      for (const name of FORWARDED_RESPONSE_HEADERS) {
        const value = upstream.headers.get(name);
        if (value) res.setHeader(name, value);
      }
      res.end(Buffer.from(await upstream.arrayBuffer()));
    } catch {
      res.status(502).json({ message: `${req.params.service} is not answering` });
    }
  });

  app.use(express.static(WEB, { index: 'index.html', maxAge: 0 }));

  const server: Server = await new Promise((resolve) => {
    const s = app.listen(config.port, config.host ?? '127.0.0.1', () => resolve(s));
  });
  const address = server.address() as AddressInfo;
  const url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : (config.host ?? '127.0.0.1')}:${address.port}`;
  publicUrl ||= url;
  await live?.start();
  return {
    url, live,
    async stop() {
      await live?.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
