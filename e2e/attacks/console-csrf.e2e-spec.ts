import { signInAtProvider } from '@tilbudsnet/auth';
import type { RunningConsole } from '@tilbudsnet/console';
import { startConsoleFor, startSystem, type RunningSystem } from '../support/running-system';

/**
 * Findings 2 and 3 of the hardening issue. Console CSRF: the gateway took any content type and
 * checked no origin, so a plain HTML form on another site could register a subscription or a
 * webhook for the victim's organisation, or sign the victim out. Login CSRF: a callback URL
 * completed by one person and opened by another signed the second person in as the first.
 */
let system: RunningSystem;
let consoleApp: RunningConsole;

beforeAll(async () => {
  system = await startSystem('csrf');
  consoleApp = await startConsoleFor(system, { liveUpdates: false });
}, 120_000);

afterAll(async () => {
  await consoleApp?.stop();
  await system?.stop();
});

const cookiesOf = (response: Response) => response.headers.getSetCookie().map((c) => c.split(';')[0]);

/** The sign-in up to the callback URL, as a browser would do it: the cookie it got, and where the provider sends it back. */
async function startSignIn(user: string): Promise<{ loginCookie: string; callback: string }> {
  const started = await fetch(`${consoleApp.url}/auth/login`, { redirect: 'manual' });
  const callback = await signInAtProvider(started.headers.get('location')!, user, system.identity.password);
  return { loginCookie: cookiesOf(started).find((c) => c.startsWith('tn_login='))!, callback };
}

async function signIn(user: string): Promise<{ cookie: string; csrfToken: string }> {
  const { loginCookie, callback } = await startSignIn(user);
  const finished = await fetch(callback, { headers: { cookie: loginCookie }, redirect: 'manual' });
  expect(finished.status).toBe(302);
  const cookie = cookiesOf(finished).find((c) => c.startsWith('tn_session='))!;
  const me = (await (await fetch(`${consoleApp.url}/api/me`, { headers: { cookie } })).json()) as { csrfToken: string };
  return { cookie, csrfToken: me.csrfToken };
}

const subscriptions = async (cookie: string) => ((await (await fetch(`${consoleApp.url}/api/notifications/subscriptions`, { headers: { cookie } })).json()) as { items: unknown[] }).items.length;
const SUBSCRIPTION = JSON.stringify({ kind: 'vacancy-opened', scope: 'organisation', filter: { regions: ['1084'] } });

it('refuses a form post from another site, a post without the CSRF token and a body that is not JSON, and changes nothing', async () => {
  const victim = await signIn('officer-koebenhavn');
  const before = await subscriptions(victim.cookie);
  const post = (headers: Record<string, string>, body: string) =>
    fetch(`${consoleApp.url}/api/notifications/subscriptions`, { method: 'POST', headers: { cookie: victim.cookie, ...headers }, body });

  const fromAnotherSite = await post({ origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' }, 'kind=vacancy-opened&scope=organisation');
  expect(fromAnotherSite.status).toBe(403);
  expect(await fromAnotherSite.json()).toMatchObject({ code: 'same-origin-only' });
  expect((await post({ 'content-type': 'application/json' }, SUBSCRIPTION)).status).toBe(403); // no Origin at all
  const noToken = await post({ origin: new URL(consoleApp.url).origin, 'content-type': 'application/json' }, SUBSCRIPTION);
  expect(noToken.status).toBe(403);
  expect(await noToken.json()).toMatchObject({ code: 'csrf-token' });
  const notJson = await post({ origin: new URL(consoleApp.url).origin, 'x-csrf-token': victim.csrfToken, 'content-type': 'text/plain' }, SUBSCRIPTION);
  expect(notJson.status).toBe(415);
  expect(await subscriptions(victim.cookie)).toBe(before);

  // The console's own page (same origin, the token, JSON) still works.
  const own = await post({ origin: new URL(consoleApp.url).origin, 'x-csrf-token': victim.csrfToken, 'content-type': 'application/json' }, SUBSCRIPTION);
  expect(own.status).toBe(201);
  expect(await subscriptions(victim.cookie)).toBe(before + 1);
});

it('refuses a sign-out posted from another site', async () => {
  const victim = await signIn('officer-aarhus');
  const logout = await fetch(`${consoleApp.url}/auth/logout`, { method: 'POST', headers: { cookie: victim.cookie, origin: 'https://evil.example' } });
  expect(logout.status).toBe(403);
  expect((await fetch(`${consoleApp.url}/api/me`, { headers: { cookie: victim.cookie } })).status).toBe(200);
  const own = await fetch(`${consoleApp.url}/auth/logout`, { method: 'POST', headers: { cookie: victim.cookie, origin: new URL(consoleApp.url).origin, 'x-csrf-token': victim.csrfToken } });
  expect(own.status).toBe(204);
  expect((await fetch(`${consoleApp.url}/api/me`, { headers: { cookie: victim.cookie } })).status).toBe(401);
});

it('signs nobody in with a callback URL that another browser started', async () => {
  const attacker = await startSignIn('manager-private');
  const victimOpens = await fetch(attacker.callback, { redirect: 'manual' }); // the victim's browser has no tn_login cookie of this sign-in
  expect(victimOpens.status).toBe(400);
  expect(cookiesOf(victimOpens).some((c) => /^tn_session=./.test(c))).toBe(false);
  const otherBrowser = await startSignIn('manager-private');
  const mixed = await fetch(attacker.callback, { headers: { cookie: otherBrowser.loginCookie }, redirect: 'manual' });
  expect(mixed.status).toBe(400);
  // The browser that started it still can.
  expect((await fetch(attacker.callback, { headers: { cookie: attacker.loginCookie }, redirect: 'manual' })).status).toBe(302);
});
