import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createEvent, loadExampleEvent, Topics } from '@tilbudsnet/contracts';
import { createKafkaBus, MessagingRetention1763900000000, MessagingTables1763800000000 } from '@tilbudsnet/messaging';
import { createTestDatabase, testKafkaBrokers, uniqueGroupId, waitUntil, type TestDatabase } from '@tilbudsnet/testing';
import { DataSource } from 'typeorm';

/**
 * A consumer applying events in batches (one transaction per chunk) is SIGKILLed in the middle of
 * its work, twice, and started again: no event of the interrupted batches is lost or applied
 * twice, and each aggregate's events are applied in order. The effect is a row per application.
 */
const ROOT = join(__dirname, '../..');
const OFFERS = 40;
const VERSIONS = 500; // 20,000 events
const prefix = `${uniqueGroupId('batchkill')}.`;
const group = uniqueGroupId('batchkill');
let db: TestDatabase;
let dataSource: DataSource;
let child: ChildProcess | null = null;

async function startConsumer(): Promise<void> {
  const started = spawn(process.execPath, ['-r', join(ROOT, 'deploy/local/register.js'), join(__dirname, 'support/effect-consumer.ts')], {
    cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, DATABASE_URL: db.url, KAFKA_BROKERS: await testKafkaBrokers(), KAFKA_TOPIC_PREFIX: prefix, GROUP: group },
  });
  child = started;
  await new Promise<void>((resolve, reject) => {
    started.once('exit', (code) => reject(new Error(`consumer exited (${code})`)));
    createInterface({ input: started.stdout! }).on('line', (line) => { if (line === 'ready') resolve(); });
  });
}

async function killConsumer(): Promise<void> {
  const running = child!;
  const exited = new Promise((resolve) => running.once('exit', resolve));
  running.kill('SIGKILL');
  await exited;
}

const effects = async (): Promise<number> => (await dataSource.query('SELECT count(*)::int AS n FROM effects'))[0].n;

beforeAll(async () => {
  db = await createTestDatabase('batchkill');
  dataSource = new DataSource({ type: 'postgres', url: db.url, migrations: [MessagingTables1763800000000, MessagingRetention1763900000000] });
  await dataSource.initialize();
  await dataSource.runMigrations();
  await dataSource.query('CREATE TABLE effects (seq bigserial PRIMARY KEY, event_id uuid NOT NULL, offer_id uuid NOT NULL, version int NOT NULL)');
  // The history, all on the topic before the consumer starts, so it works through full batches.
  const bus = createKafkaBus({ brokers: (await testKafkaBrokers()).split(','), clientId: 'batchkill-producer', topicPrefix: prefix });
  const admin = await bus.admin();
  await admin.ensureTopics([Topics.offer, `${Topics.offer}.dlq`].map((topic) => ({ topic, partitions: 3 })));
  await admin.disconnect();
  const producer = await bus.producer();
  const example = loadExampleEvent('CapacityChanged');
  const offerIds = Array.from({ length: OFFERS }, () => randomUUID());
  for (let version = 1; version <= VERSIONS; version += 50) {
    const messages = [];
    for (let v = version; v < version + 50; v++) {
      for (const offerId of offerIds) {
        const event = createEvent('offers', { type: 'CapacityChanged', aggregateId: offerId, aggregateVersion: v, payload: { ...example.payload, offerId } },
          { correlationId: randomUUID(), causationId: randomUUID() });
        messages.push({ key: offerId, value: JSON.stringify(event) });
      }
    }
    await producer.send([{ topic: Topics.offer, messages }]);
  }
  await producer.disconnect();
}, 180_000);

afterAll(async () => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  await dataSource?.destroy();
  await db?.drop();
});

it('loses no event and applies none twice when the consumer is killed mid-batch, twice', async () => {
  const total = OFFERS * VERSIONS;
  await startConsumer();
  await waitUntil(async () => (await effects()) > 2000, { what: 'the consumer under way', timeoutMs: 60_000, intervalMs: 10 });
  await killConsumer();
  const atFirstKill = await effects();
  await startConsumer();
  await waitUntil(async () => (await effects()) > atFirstKill + 3000, { what: 'the consumer under way again', timeoutMs: 60_000, intervalMs: 10 });
  await killConsumer();
  const atSecondKill = await effects();
  expect(atSecondKill).toBeLessThan(total); // both kills landed while there was work left
  await startConsumer();
  await waitUntil(async () => (await effects()) >= total, { what: 'every event applied', timeoutMs: 120_000 });
  await new Promise((r) => setTimeout(r, 2000)); // a redelivered event applied again would land by now

  const [counts] = await dataSource.query('SELECT count(*)::int AS rows, count(DISTINCT event_id)::int AS events FROM effects');
  expect(counts).toEqual({ rows: total, events: total });
  // Per aggregate, the effects are in version order: 1, 2, 3 … with nothing skipped or repeated.
  const outOfOrder = await dataSource.query(`
    SELECT offer_id FROM (SELECT offer_id, version, row_number() OVER (PARTITION BY offer_id ORDER BY seq) AS nth FROM effects) e
    WHERE version <> nth LIMIT 1`);
  expect(outOfOrder).toEqual([]);
  console.log(`batch kill: ${total} events; SIGKILL at ${atFirstKill} and ${atSecondKill} applied; after restarts each applied exactly once, in order`);
}, 300_000);
