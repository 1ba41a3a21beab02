// npm run bench:replay: rebuilding visitation's catalogue from BENCH_EVENTS (default 1,000,000)
// events on offers.offer, through POST /admin/read-models/catalogue/rebuild, beside the raw kafkajs
// consume rate of the same topic on the same broker. Prints figures and progress; asserts nothing.
import { createEvent, loadExampleEvent, Topics, type OfferSnapshot } from '@tilbudsnet/contracts';
import { createKafkaBus, brokersFromEnv } from '@tilbudsnet/messaging';
import { fetchTokenFor, startDevIdentityProvider } from '@tilbudsnet/auth';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { moveGroupToEnd, rawConsumeRate } from './raw-kafka';
import { startServiceProcess, stopServiceProcess } from '@tilbudsnet/testing';
import { cpuProfileArgs } from './cpu-profile';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const OFFERS = Number(process.env.BENCH_OFFERS ?? 1000);
const PREFIX = `benchreplay${randomUUID().slice(0, 6)}.`;

function snapshot(offerId: string, i: number): OfferSnapshot {
  const example = loadExampleEvent('OfferRegistered').payload.offer;
  return { ...example, offerId, name: `Replaybo ${i}`, paragraphs: [{ paragraph: '108', approvedPlaces: 50 }], targetGroups: ['autism'], demo: true,
    capacity: { approvedPlaces: 50, occupiedPlaces: 0, reservedPlaces: 0, vacantPlaces: 50 } };
}

async function produce(): Promise<void> {
  const bus = createKafkaBus({ brokers: brokersFromEnv(), clientId: 'bench-replay', topicPrefix: PREFIX });
  const admin = await bus.admin();
  await admin.ensureTopics([Topics.offer, `${Topics.offer}.dlq`, Topics.tariff, `${Topics.tariff}.dlq`].map((topic) => ({ topic, partitions: 3 })));
  await admin.disconnect();
  const producer = await bus.producer();
  const ids = Array.from({ length: OFFERS }, () => randomUUID());
  const versions = ids.map(() => 0);
  const cause = { correlationId: randomUUID(), causationId: randomUUID() };
  const started = performance.now();
  let sent = 0;
  while (sent < EVENTS) {
    const batch = [];
    for (let k = 0; k < 2000 && sent < EVENTS; k++, sent++) {
      const i = sent % OFFERS;
      const offerId = ids[i];
      const version = ++versions[i];
      const event = version === 1
        ? createEvent('offers', { type: 'OfferRegistered', aggregateId: offerId, aggregateVersion: 1, payload: { offer: snapshot(offerId, i) } }, cause)
        : createEvent('offers', {
          type: 'CapacityChanged', aggregateId: offerId, aggregateVersion: version,
          payload: { offerId, capacity: { approvedPlaces: 50, occupiedPlaces: version % 50, reservedPlaces: 0, vacantPlaces: 50 - (version % 50) }, paragraphs: [{ paragraph: '108', approvedPlaces: 50 }], reason: 'placement-started' },
        }, cause);
      batch.push({ key: offerId, value: JSON.stringify(event), headers: { 'event-id': event.eventId, 'event-type': event.type } });
    }
    await producer.send([{ topic: Topics.offer, messages: batch }]);
    if (sent % 100_000 === 0) console.log(`  produced ${sent.toLocaleString('da-DK')} events`);
  }
  await producer.disconnect();
  console.log(`produced ${EVENTS.toLocaleString('da-DK')} events over ${OFFERS} offers in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

async function main(): Promise<void> {
  const brokers = brokersFromEnv();
  await produce();
  const rawDefault = await rawConsumeRate(brokers, `${PREFIX}${Topics.offer}`, EVENTS);
  console.log(`raw kafkajs consume (no processing), default fetches as the rebuild: ${rawDefault.perSecond.toFixed(0)} events/s (${rawDefault.seconds.toFixed(1)} s)`);
  // Larger fetches as a second chance for the baseline (the rebuild used them until 2026-12-08); the faster of the two counts.
  const rawLarge = await rawConsumeRate(brokers, `${PREFIX}${Topics.offer}`, EVENTS, 8 * 1024 * 1024);
  console.log(`raw kafkajs consume (no processing), 8 MiB fetches: ${rawLarge.perSecond.toFixed(0)} events/s (${rawLarge.seconds.toFixed(1)} s)`);
  const raw = rawLarge.perSecond > rawDefault.perSecond ? rawLarge : rawDefault;

  const database = `bench_replay_${randomUUID().slice(0, 6)}`;
  const pg = new Client({ connectionString: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' });
  pg.on('error', (e) => console.error(`postgres: ${e.message}`));
  await pg.connect();
  await pg.query(`CREATE DATABASE ${database}`);
  const identity = await startDevIdentityProvider({ port: 0 });
  const group = `bench-replay-visitation-${randomUUID().slice(0, 6)}`;
  // The live consumer starts at the end: the catalogue is built by the rebuild alone.
  await moveGroupToEnd(brokers, group, [`${PREFIX}${Topics.offer}`, `${PREFIX}${Topics.tariff}`]);
  const base = (process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres').replace(/\/[^/]*$/, `/${database}`);
  const visitation = await startServiceProcess('visitation', 3302, {
    KAFKA_TOPIC_PREFIX: PREFIX, VISITATION_DATABASE_URL: base, VISITATION_CONSUMER_GROUP: group, OIDC_ISSUER: identity.issuer, LOG_LEVEL: 'warn',
    CITIZEN_DATA_KEYS: `bench:${Buffer.alloc(32, 7).toString('base64')}`, CPR_LOOKUP_KEY: Buffer.alloc(32, 9).toString('base64'), VISITATION_JOB_INTERVAL_MS: '0',
  }, [...(process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean), ...cpuProfileArgs('visitation')]);
  try {
    const token = await fetchTokenFor(identity.issuer, 'admin');
    const headers = { authorization: `Bearer ${token}` };
    const startedAt = performance.now();
    const start = await fetch('http://127.0.0.1:3302/admin/read-models/catalogue/rebuild', { method: 'POST', headers });
    if (start.status !== 202) throw new Error(`rebuild answered ${start.status}: ${await start.text()}`);
    let status: { state: string; processed: number; total: number; percent: number; eventsPerSecond: number | null; error: string | null };
    let lastPercent = -10;
    for (;;) {
      await new Promise((r) => setTimeout(r, 100)); // fine enough not to add to a short rebuild's time
      status = ((await (await fetch("http://127.0.0.1:3302/admin/read-models", { headers })).json()) as { items: (typeof status)[] }).items[0];
      if (status.percent >= lastPercent + 10 || status.state !== 'running') {
        console.log(`  rebuild ${status.state}: ${status.percent} % (${status.processed.toLocaleString('da-DK')} / ${status.total.toLocaleString('da-DK')}), ${status.eventsPerSecond ?? '-'} events/s`);
        lastPercent = status.percent;
      }
      if (status.state !== 'running') break;
    }
    if (status.state !== 'done') throw new Error(`rebuild ${status.state}: ${status.error}`);
    const seconds = (performance.now() - startedAt) / 1000;
    const perSecond = status.processed / seconds;
    const db = new Client({ connectionString: base });
    db.on('error', (e) => console.error(`postgres: ${e.message}`));
    await db.connect();
    const { rows } = await db.query('SELECT count(*)::int AS offers FROM catalogue_offers');
    await db.end();
    console.log(`rebuild of visitation's catalogue: ${status.processed.toLocaleString('da-DK')} events in ${seconds.toFixed(1)} s = ${perSecond.toFixed(0)} events/s (${rows[0].offers} offers rebuilt)`);
    console.log(`ratio (rebuild / the faster raw kafkajs consume): ${(perSecond / raw.perSecond).toFixed(3)}`);
  } finally {
    await stopServiceProcess(visitation);
    await identity.close();
    await pg.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await pg.end();
  }
}

main().then(() => process.exit(0), (error) => {
  console.error(error);
  process.exit(1);
});
