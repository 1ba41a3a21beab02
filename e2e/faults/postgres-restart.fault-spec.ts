import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { promisify } from 'node:util';
import { waitUntil } from '@tilbudsnet/testing';
import { DataSource } from 'typeorm';
import { offerRequest } from '../support/demo-offer';
import { call, startSystem, type RunningSystem } from '../support/running-system';

/**
 * PostgreSQL restarts under the running services (the machine's own server, via pg_ctlcluster):
 * they answer not-ready while it is away, reconnect by themselves, answer ready again, and a
 * change made afterwards goes all the way through.
 */
let system: RunningSystem;
const SERVICES = ['offers', 'visitation', 'tariffs', 'notifications'] as const;

beforeAll(async () => {
  system = await startSystem('pgrestart');
});

afterAll(async () => {
  await system?.stop();
});

async function pgctl(action: 'stop' | 'start' | 'restart'): Promise<void> {
  const version = readdirSync('/etc/postgresql')[0];
  await promisify(execFile)('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', action, '--', '-m', 'fast']);
}

const ready = async (service: (typeof SERVICES)[number]) => (await fetch(`${system[service].url}/health/ready`)).status;

it('answers not ready while PostgreSQL is down, and ready again with working writes after it restarts', async () => {
  for (const service of SERVICES) expect(await ready(service)).toBe(200);
  await pgctl('stop');
  let stoppedAt = 0;
  try {
    stoppedAt = Date.now();
    for (const service of SERVICES) expect(await ready(service)).toBe(503);
  } finally {
    await pgctl('start');
  }
  const startedAt = Date.now();
  for (const service of SERVICES) await waitUntil(async () => (await ready(service)) === 200, { what: `${service} ready again`, timeoutMs: 60000 });
  const recoveredMs = Date.now() - startedAt;

  // A write through offers, and its event applied by visitation after the restart.
  const created = await call(`${system.offers.url}/offers`, 'POST', offerRequest({ name: 'Efter genstart' }), await system.identity.authFor('manager-aarhus'));
  expect(created.status).toBe(201);
  const catalogue = system.visitation.app.get(DataSource);
  await waitUntil(async () => (await catalogue.query('SELECT 1 FROM catalogue_offers WHERE offer_id = $1', [created.body.offerId])).length === 1, { what: 'the new offer in the catalogue', timeoutMs: 60000 });
  console.log(`postgres restart: down ${startedAt - stoppedAt} ms; all four services ready again ${recoveredMs} ms after the server started`);
});
