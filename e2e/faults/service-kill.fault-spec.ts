import type { ChildProcess } from 'node:child_process';
import { createTestDatabase, startServiceProcess, startTestIdentity, testKafkaBrokers, uniqueGroupId, waitUntil, type TestDatabase, type TestIdentity } from '@tilbudsnet/testing';
import { offerRequest } from '../support/demo-offer';
import { call } from '../support/running-system';
import { queryDatabase } from './support/query';

/**
 * Offers and visitation run as their own processes, as in production, and are killed with SIGKILL
 * in the middle of 30 placement sagas: offers while it answers the requests, visitation while the
 * officers confirm. After restarts every saga ends (started or rejected), and no place stays
 * reserved: offers' figures equal the placements that started.
 */
let identity: TestIdentity;
let offersDb: TestDatabase;
let visitationDb: TestDatabase;
const processes: Record<string, ChildProcess> = {};
const PORTS = { offers: 3601, visitation: 3602 };
const env = () => ({
  OIDC_ISSUER: identity.issuer, OFFERS_DATABASE_URL: offersDb.url, VISITATION_DATABASE_URL: visitationDb.url,
  OFFERS_CONSUMER_GROUP: groups.offers, VISITATION_CONSUMER_GROUP: groups.visitation, OFFERS_JOB_INTERVAL_MS: '500', VISITATION_JOB_INTERVAL_MS: '500',
  CITIZEN_DATA_KEYS: `fault:${Buffer.alloc(32, 3).toString('base64')}`, CPR_LOOKUP_KEY: Buffer.alloc(32, 5).toString('base64'), LOG_LEVEL: 'warn',
});
const groups = { offers: uniqueGroupId('kill-offers'), visitation: uniqueGroupId('kill-visitation') };
const start = async (service: 'offers' | 'visitation') => { processes[service] = await startServiceProcess(service, PORTS[service], env()); };
const kill = async (service: 'offers' | 'visitation') => {
  const child = processes[service];
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
};
const url = (service: 'offers' | 'visitation') => `http://127.0.0.1:${PORTS[service]}`;

beforeAll(async () => {
  process.env.KAFKA_BROKERS = await testKafkaBrokers();
  identity = await startTestIdentity();
  offersDb = await createTestDatabase('kill_offers');
  visitationDb = await createTestDatabase('kill_visitation');
  await start('offers');
  await start('visitation');
});

afterAll(async () => {
  for (const child of Object.values(processes)) if (child.exitCode === null) child.kill('SIGKILL');
  await identity?.stop();
  await offersDb?.drop();
  await visitationDb?.drop();
});


it('ends every saga and leaves no place reserved when offers and then visitation are SIGKILLed mid-saga', async () => {
  const manager = await identity.authFor('manager-aarhus');
  const officer = { ...(await identity.authFor('officer-koebenhavn')), 'x-purpose': 'anbringelse' };
  const offerIds: string[] = [];
  for (const name of ['Dræbebo A', 'Dræbebo B']) {
    const r = await call(`${url('offers')}/offers`, 'POST', offerRequest({ name, paragraphs: [{ paragraph: '108', approvedPlaces: 10 }] }), manager);
    expect(r.status).toBe(201);
    offerIds.push(r.body.offerId);
  }
  await waitUntil(async () => (await queryDatabase(visitationDb, 'SELECT count(*)::int AS n FROM catalogue_offers')).at(0).n === 2, { what: 'the offers in the catalogue' });

  const cases: string[] = [];
  for (let i = 0; i < 30; i++) {
    const opened = await call(`${url('visitation')}/cases`, 'POST', { cpr: `01018${String(1000 + i).padStart(5, '0')}`, name: `Borger ${i}`, needs: { targetGroups: ['autism'], paragraph: '108', supportLevel: 'medium' } }, officer);
    expect(opened.status).toBe(201);
    cases.push(opened.body.id);
  }
  // 30 requests for 20 places, all at once; offers is killed while it answers them.
  const requested = await Promise.all(cases.map((id, i) => call(`${url('visitation')}/cases/${id}/placements`, 'POST', { offerId: offerIds[i % 2], startDate: '2027-01-04' }, officer)));
  expect(requested.every((r) => r.status === 201)).toBe(true);
  await waitUntil(async () => (await queryDatabase(offersDb, 'SELECT count(*)::int AS n FROM placement_holds')).at(0).n >= 3, { what: 'offers answering', intervalMs: 20 });
  await kill('offers');
  const killedOffersAt = Date.now();
  await start('offers');
  const placementIds = requested.map((r) => r.body.id as string);
  const statuses = async () => (await queryDatabase(visitationDb, 'SELECT status, count(*)::int AS n FROM placements WHERE id = ANY($1::uuid[]) GROUP BY status', [placementIds]))
    .reduce((all: Record<string, number>, r: { status: string; n: number }) => ({ ...all, [r.status]: r.n }), {});
  await waitUntil(async () => !(await statuses()).requested, { what: 'every request answered after offers came back', timeoutMs: 60000 });
  const answeredMs = Date.now() - killedOffersAt;

  // Officers confirm; visitation is killed part-way and restarted; they confirm what is left.
  const reserved = async () => (await queryDatabase(visitationDb, "SELECT id FROM placements WHERE id = ANY($1::uuid[]) AND status = 'reserved'", [placementIds])).map((r: { id: string }) => r.id);
  const firstHalf = (await reserved()).slice(0, 10);
  await Promise.all(firstHalf.map((id) => call(`${url('visitation')}/placements/${id}/confirm`, 'POST', undefined, officer).catch(() => undefined)));
  await kill('visitation');
  const killedVisitationAt = Date.now();
  await start('visitation');
  for (const id of await reserved()) {
    const r = await call(`${url('visitation')}/placements/${id}/confirm`, 'POST', undefined, officer);
    expect(r.status).toBe(200);
  }
  await waitUntil(async () => {
    const [figures] = await queryDatabase(offersDb, 'SELECT sum(occupied_places)::int AS occupied, sum(reserved_places)::int AS reserved FROM offers WHERE id = ANY($1::uuid[])', [offerIds]);
    return figures.occupied === 20 && figures.reserved === 0;
  }, { what: 'offers\' figures to settle', timeoutMs: 60000 });
  const settledMs = Date.now() - killedVisitationAt;

  const final = await statuses();
  expect(final).toEqual({ started: 20, rejected: 10 });
  // Offers holds nothing for anyone: every hold became an occupied place or was released.
  expect(await queryDatabase(offersDb, "SELECT status, count(*)::int AS n FROM placement_holds GROUP BY status ORDER BY status")).not.toContainEqual(expect.objectContaining({ status: 'reserved' }));
  console.log(`service kill: 30 sagas; after SIGKILL of offers every request was answered in ${answeredMs} ms; after SIGKILL of visitation the figures settled in ${settledMs} ms`);
});
