import type { RunningConsole } from '@tilbudsnet/console';
import { startConsoleFor, startSystem, type RunningSystem } from '../support/running-system';

/**
 * Finding 8 of the hardening issue: no rate limits anywhere. Now the identity provider's authorize
 * and token endpoints and the console's sign-in are limited per client address, and the APIs per
 * principal; past the burst the answer is 429 with Retry-After. (The burst is set low here through
 * the documented variables, so the test needs few requests.)
 */
let system: RunningSystem;
let consoleApp: RunningConsole;

beforeAll(async () => {
  process.env.RATE_LIMIT_API = '1/20';
  process.env.IDENTITY_RATE_LIMIT = '1/30';
  process.env.CONSOLE_LOGIN_RATE_LIMIT = '1/10';
  system = await startSystem('ratelimit');
  consoleApp = await startConsoleFor(system, { liveUpdates: false });
}, 120_000);

afterAll(async () => {
  await consoleApp?.stop();
  await system?.stop();
});

async function statuses(count: number, send: () => Promise<Response>): Promise<Response[]> {
  const answers: Response[] = [];
  for (let i = 0; i < count; i++) answers.push(await send());
  return answers;
}

it('answers 429 with Retry-After past the burst on the API, per principal', async () => {
  const officer = await system.identity.authFor('officer-koebenhavn');
  const answers = await statuses(30, () => fetch(`${system.offers.url}/offers?pageSize=1`, { headers: officer }));
  const limited = answers.filter((a) => a.status === 429);
  expect(limited.length).toBeGreaterThanOrEqual(5);
  expect(Number(limited[0].headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  expect(await limited[0].json()).toMatchObject({ statusCode: 429, code: 'rate-limited' });
  // Another principal has its own allowance; health checks are never limited.
  expect((await fetch(`${system.offers.url}/offers?pageSize=1`, { headers: await system.identity.authFor('manager-aarhus') })).status).toBe(200);
  expect((await fetch(`${system.offers.url}/health/live`)).status).toBe(200);
});

it('answers 429 on the identity provider\'s token endpoint and the console\'s sign-in past their bursts', async () => {
  const tokens = await statuses(40, () => fetch(`${system.identity.issuer}/token`, { method: 'POST', body: new URLSearchParams({ grant_type: 'authorization_code', code: 'guess' }) }));
  expect(tokens.filter((a) => a.status === 429).length).toBeGreaterThanOrEqual(5);
  expect(tokens.find((a) => a.status === 429)!.headers.get('retry-after')).toMatch(/^\d+$/);
  const signIns = await statuses(20, () => fetch(`${consoleApp.url}/auth/login`, { redirect: 'manual' }));
  expect(signIns.filter((a) => a.status === 429).length).toBeGreaterThanOrEqual(5);
});
