import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { waitUntil } from '@tilbudsnet/testing';
import { DataSource } from 'typeorm';
import { offerRequest } from '../support/demo-offer';
import { call, startSystem, type RunningSystem } from '../support/running-system';

/**
 * Finding 1 of the hardening issue: a webhook is a request we make on someone's behalf. Any role
 * could register one to the cloud metadata address, our own database port or a private network,
 * and the delivery log reported the target's answer (a port scanner). Now registration refuses
 * every internal address with a 400 naming `url` and the rule, and delivery checks again, so a
 * target that is (or becomes) internal is never called.
 */
let system: RunningSystem;
const as = (user: string) => system.identity.authFor(user);

beforeAll(async () => {
  process.env.OUTBOUND_ALLOW_LOOPBACK_HTTP = 'off'; // production: no plain http, no loopback
  system = await startSystem('ssrf');
});

afterAll(async () => {
  await system?.stop();
});

it.each([
  ['http://169.254.169.254/latest/meta-data/', 'public-address-only'],
  ['https://169.254.169.254/latest/meta-data/', 'public-address-only'],
  ['https://127.0.0.1:5432/', 'public-address-only'],
  ['https://[::1]/hook', 'public-address-only'],
  ['https://0x7f000001/hook', 'public-address-only'],
  ['https://2130706433/hook', 'isUrl'], // the URL check already refuses the decimal form
  ['https://0177.0.0.1/hook', 'isUrl'], // and the octal one
  ['https://[::ffff:a9fe:a9fe]/hook', 'public-address-only'],
  ['https://[::ffff:127.0.0.1]/hook', 'public-address-only'],
  ['https://10.0.0.7/hook', 'public-address-only'],
  ['https://192.168.1.1/hook', 'public-address-only'],
  ['https://172.20.0.1/hook', 'public-address-only'],
  ['https://100.64.0.1/hook', 'public-address-only'],
  ['https://localhost/hook', 'public-address-only'], // a name that resolves to 127.0.0.1
  ['https://user:pass@93.184.216.34/hook', 'no-credentials'],
  ['http://93.184.216.34/hook', 'https-only'],
])('refuses to register a webhook to %s (%s), and stores nothing', async (url, rule) => {
  const before = await system.notifications.app.get(DataSource).query('SELECT count(*)::int AS n FROM webhooks');
  const answer = await call(`${system.notifications.url}/webhooks`, 'POST', { url, kinds: ['closure-or-reduction'] }, await as('kkr-midtjylland'));
  expect(answer.status).toBe(400);
  expect(answer.body.violations).toEqual([expect.objectContaining({ field: 'url', rule })]);
  expect(await system.notifications.app.get(DataSource).query('SELECT count(*)::int AS n FROM webhooks')).toEqual(before);
});

it('checks again at delivery: a stored target that is internal is never called, and the log says only "refused"', async () => {
  let hits = 0;
  const internal: Server = createServer((_request, response) => { hits++; response.writeHead(200, { server: 'internal-secret/1.0' }).end('secret'); });
  await new Promise<void>((resolve) => internal.listen(0, '127.0.0.1', () => resolve()));
  try {
    // As if registered before the check existed, or re-pointed by DNS since (rebinding).
    const id = randomUUID();
    const db = system.notifications.app.get(DataSource);
    await db.query('INSERT INTO webhooks (id, organisation, url, secret, kinds) VALUES ($1, $2, $3, $4, $5)',
      [id, 'region:1082', `http://127.0.0.1:${(internal.address() as AddressInfo).port}/hook`, randomBytes(32).toString('hex'), ['closure-or-reduction']]);

    const manager = await as('manager-aarhus');
    const offer = await call(`${system.offers.url}/offers`, 'POST', offerRequest({ name: 'Rebinding' }), manager);
    await waitUntil(async () => (await db.query('SELECT 1 FROM n_offers WHERE offer_id = $1', [offer.body.offerId])).length === 1, { what: 'the offer in notifications' });
    const earliest = (await call(`${system.offers.url}/offers/${offer.body.offerId}/closure`, 'POST', { effectiveDate: '2000-01-03' }, manager)).body.earliestAllowedDate;
    expect((await call(`${system.offers.url}/offers/${offer.body.offerId}/closure`, 'POST', { effectiveDate: earliest }, manager)).status).toBe(200);

    const log = async () => (await call(`${system.notifications.url}/webhooks/${id}/deliveries`, 'GET', undefined, await as('kkr-midtjylland'))).body.items;
    await waitUntil(async () => (await log()).some((d: { lastError: string | null }) => d.lastError === 'refused: public-address-only'), { what: 'the refused delivery', timeoutMs: 30000 });
    expect(hits).toBe(0);
    for (const delivery of await log()) expect(delivery).toMatchObject({ lastStatus: null, lastError: expect.stringMatching(/^(refused: [a-z-]+|failed)$/) });
    expect(JSON.stringify(await log())).not.toMatch(/internal-secret/);
  } finally {
    await new Promise<void>((resolve) => internal.close(() => resolve()));
  }
});
