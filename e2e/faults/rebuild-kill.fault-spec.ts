import { createEvent, loadExampleEvent, Topics, type OfferSnapshot } from '@tilbudsnet/contracts';
import { createKafkaBus, type MessageBus } from '@tilbudsnet/messaging';
import { createTestDatabase, startServiceProcess, startTestIdentity, testKafkaBrokers, uniqueGroupId, waitUntil, type TestDatabase, type TestIdentity } from '@tilbudsnet/testing';
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { call } from '../support/running-system';
import { queryDatabase } from './support/query';

/**
 * Visitation is SIGKILLed in the middle of rebuilding its catalogue: the tables are emptied and
 * only part of the history is read again. Its next start rebuilds the catalogue from the start,
 * so it ends with every offer at its last version instead of half-filled.
 */
const OFFERS = 400;
const VERSIONS = 300; // 120,000 events: a rebuild of a few seconds
const PREFIX = `rebuildkill${randomUUID().slice(0, 6)}.`;
const PORT = 3612;
let identity: TestIdentity;
let db: TestDatabase;
let visitation: ChildProcess;
const group = uniqueGroupId('rebuild-kill');

const start = async () => {
  visitation = await startServiceProcess('visitation', PORT, {
    KAFKA_TOPIC_PREFIX: PREFIX, VISITATION_DATABASE_URL: db.url, VISITATION_CONSUMER_GROUP: group, OIDC_ISSUER: identity.issuer, LOG_LEVEL: 'warn',
    CITIZEN_DATA_KEYS: `fault:${Buffer.alloc(32, 3).toString('base64')}`, CPR_LOOKUP_KEY: Buffer.alloc(32, 5).toString('base64'), VISITATION_JOB_INTERVAL_MS: '0',
  });
};

beforeAll(async () => {
  process.env.KAFKA_BROKERS = await testKafkaBrokers();
  identity = await startTestIdentity();
  db = await createTestDatabase('rebuild_kill');
});

afterAll(async () => {
  if (visitation?.exitCode === null) visitation.kill('SIGKILL');
  await identity?.stop();
  await db?.drop();
});

const query = (sql: string, params: unknown[] = []) => queryDatabase(db, sql, params);

function snapshot(offerId: string, i: number): OfferSnapshot {
  return { ...loadExampleEvent('OfferRegistered').payload.offer, offerId, name: `Genopbygget ${i}`, paragraphs: [{ paragraph: '108', approvedPlaces: 50 }],
    capacity: { approvedPlaces: 50, occupiedPlaces: 0, reservedPlaces: 0, vacantPlaces: 50 } };
}

/** The offers' whole history: each registered, then VERSIONS - 1 capacity changes; the last leaves `version % 50` occupied. */
async function publishHistory(bus: MessageBus): Promise<void> {
  const admin = await bus.admin();
  await admin.ensureTopics([Topics.offer, `${Topics.offer}.dlq`].map((topic) => ({ topic, partitions: 3 })));
  await admin.disconnect();
  const producer = await bus.producer();
  const ids = Array.from({ length: OFFERS }, () => randomUUID());
  const cause = { correlationId: randomUUID(), causationId: randomUUID() };
  for (let version = 1; version <= VERSIONS; version++) {
    const events = ids.map((offerId, i) => version === 1
      ? createEvent('offers', { type: 'OfferRegistered', aggregateId: offerId, aggregateVersion: 1, payload: { offer: snapshot(offerId, i) } }, cause)
      : createEvent('offers', { type: 'CapacityChanged', aggregateId: offerId, aggregateVersion: version, payload: {
        offerId, capacity: { approvedPlaces: 50, occupiedPlaces: version % 50, reservedPlaces: 0, vacantPlaces: 50 - (version % 50) },
        paragraphs: [{ paragraph: '108', approvedPlaces: 50 }], reason: 'placement-started',
      } }, cause));
    await producer.send([{ topic: Topics.offer, messages: events.map((e) => ({ key: e.aggregateId, value: JSON.stringify(e), headers: { 'event-id': e.eventId, 'event-type': e.type } })) }]);
  }
  await producer.disconnect();
}

it('rebuilds the catalogue again at the next start when the process died in the middle of a rebuild', async () => {
  const bus = createKafkaBus({ brokers: process.env.KAFKA_BROKERS!.split(','), clientId: 'rebuild-kill', topicPrefix: PREFIX });
  await publishHistory(bus);
  // Visitation's group starts at the end of the history: the catalogue is built by the rebuild alone.
  const kafkaAdmin = await bus.admin();
  await kafkaAdmin.moveGroupToEnd(group, Topics.offer);
  await kafkaAdmin.disconnect();
  await start();
  const admin = await identity.authFor('admin');
  // Every offer at its last version, with the last change's occupancy.
  const complete = async () => (await query(`SELECT count(*)::int AS n FROM catalogue_offers WHERE version = $1 AND (snapshot->'capacity'->>'occupiedPlaces')::int = $2`, [VERSIONS, VERSIONS % 50]))[0].n;

  const started = await call(`http://127.0.0.1:${PORT}/admin/read-models/catalogue/rebuild`, 'POST', undefined, admin);
  expect(started.status).toBe(202);
  const progress = async () => (await call(`http://127.0.0.1:${PORT}/admin/read-models`, 'GET', undefined, admin)).body.items.find((s: { name: string }) => s.name === 'catalogue');
  // Killed as soon as the tables are emptied (the mark is written with the emptying): reading the
  // history again takes seconds, so the rebuild is cut short.
  await waitUntil(async () => (await query('SELECT 1 FROM messaging_rebuilds WHERE finished_at IS NULL')).length === 1, { what: 'the rebuild under way', intervalMs: 10 });
  const exited = new Promise((resolve) => visitation.once('exit', resolve));
  visitation.kill('SIGKILL');
  await exited;
  // Cut short: not every offer is back at its last version, and the mark says a rebuild is unfinished.
  expect(await complete()).toBeLessThan(OFFERS);
  expect(await query('SELECT name FROM messaging_rebuilds WHERE finished_at IS NULL')).toEqual([{ name: 'catalogue' }]);

  await start();
  await waitUntil(async () => (await query('SELECT 1 FROM messaging_rebuilds WHERE finished_at IS NULL')).length === 0, { what: 'the rebuild again, to its end', timeoutMs: 120_000, intervalMs: 200 });
  expect(await complete()).toBe(OFFERS);
  expect(await query('SELECT count(*)::int AS n FROM catalogue_offers')).toEqual([{ n: OFFERS }]);
  expect((await progress())).toMatchObject({ state: 'done', percent: 100 });
}, 300_000);
