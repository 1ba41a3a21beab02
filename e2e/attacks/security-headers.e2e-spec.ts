import { startSystem, type RunningSystem } from '../support/running-system';

/** Finding 9 of the hardening issue: every HTTP answer of every service carries the security headers, /docs included. */
let system: RunningSystem;

beforeAll(async () => {
  system = await startSystem('headers');
}, 120_000);

afterAll(async () => {
  await system?.stop();
});

it.each(['offers', 'visitation', 'tariffs', 'notifications'] as const)('%s sets the security headers on answers of every kind', async (service) => {
  for (const path of ['/health/live', '/docs', '/docs-json', '/offers', '/no-such-route']) {
    const response = await fetch(`${system[service].url}${path}`);
    const headers = Object.fromEntries(['content-security-policy', 'x-content-type-options', 'x-frame-options', 'referrer-policy', 'strict-transport-security'].map((h) => [h, response.headers.get(h)]));
    expect({ path, headers }).toEqual({
      path,
      headers: {
        'content-security-policy': expect.stringContaining("frame-ancestors 'none'"), 'x-content-type-options': 'nosniff', 'x-frame-options': 'DENY',
        'referrer-policy': 'no-referrer', 'strict-transport-security': expect.stringContaining('max-age='),
      },
    });
    expect(response.headers.get('x-powered-by')).toBeNull();
  }
});
