// npm run bench:supply: the supply monitor of a region (GET /supply/regions/:region, the KKR
// secretariat's page) over the national data set, beside the same reads as raw SQL on the same
// database. The data set (BENCH_OFFERS offers, default 10,000; BENCH_PLACEMENTS running placements,
// default 100,000, and a fifth as many ended) is loaded through notifications' own path: the events
// offers and visitation publish. BENCH_REGION (1084, Hovedstaden), BENCH_QUERIES (100). Prints
// figures; asserts nothing.
import { Topics } from '@tilbudsnet/contracts';
import { brokersFromEnv, createKafkaBus } from '@tilbudsnet/messaging';
import { createTestDatabase, startServiceProcess, startTestIdentity, stopServiceProcess, waitUntil } from '@tilbudsnet/testing';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { SUPPLY_FIGURES_SQL } from '../services/notifications/src/supply/monitoring-supply';
import { cpuProfileArgs } from './cpu-profile';
import { nationalDataSetEvents, nationalOffers, nationalPlacements, sendEvents } from './national-data-set';
import { percentile } from './stats';

const OFFERS = Number(process.env.BENCH_OFFERS ?? 10_000);
const ACTIVE = Number(process.env.BENCH_PLACEMENTS ?? 100_000);
const ENDED = Math.round(ACTIVE / 5);
const REGION = process.env.BENCH_REGION ?? '1084';
const QUERIES = Number(process.env.BENCH_QUERIES ?? 100);
const PREFIX = `benchsupply${randomUUID().slice(0, 6)}.`;
const PORT = 3304;

async function main(): Promise<void> {
  const now = new Date();
  const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)).toISOString().slice(0, 7);
  const offers = nationalOffers(OFFERS);
  const placements = nationalPlacements(offers, month, ACTIVE, ENDED);
  const inRegion = new Set(offers.filter((o) => o.regionCode === REGION).map((o) => o.offerId));
  const runningInRegion = placements.filter((p) => !p.endDate && inRegion.has(p.offerId)).length;
  console.log(`national data set: ${offers.length.toLocaleString('da-DK')} offers, ${ACTIVE.toLocaleString('da-DK')} running placements, ${ENDED.toLocaleString('da-DK')} ended; region ${REGION}: ${inRegion.size.toLocaleString('da-DK')} offers, ${runningInRegion.toLocaleString('da-DK')} running placements`);

  const bus = createKafkaBus({ brokers: brokersFromEnv(), clientId: 'bench-supply', topicPrefix: PREFIX });
  const database = await createTestDatabase('bench_supply');
  const url = database.url;
  const identity = await startTestIdentity();
  const notifications = await startServiceProcess('notifications', PORT, {
    KAFKA_TOPIC_PREFIX: PREFIX, NOTIFICATIONS_DATABASE_URL: url, NOTIFICATIONS_CONSUMER_GROUP: `bench-supply-${randomUUID().slice(0, 6)}`,
    NOTIFICATIONS_JOB_INTERVAL_MS: '0', OIDC_ISSUER: identity.issuer, LOG_LEVEL: 'warn', RATE_LIMIT_API: '1000000/1000000',
  }, cpuProfileArgs('notifications'));
  const db = new Client({ connectionString: url });
  db.on('error', (e) => console.error(`postgres: ${e.message}`));
  await db.connect();
  try {
    const producer = await bus.producer();
    const events = nationalDataSetEvents(offers, placements, { correlationId: randomUUID(), causationId: randomUUID() });
    const loadStarted = performance.now();
    await sendEvents(producer, Topics.offer, events.offers);
    await sendEvents(producer, Topics.placement, events.placements);
    await producer.disconnect();
    await waitUntil(async () => {
      if (notifications.exitCode !== null) throw new Error(`notifications exited with ${notifications.exitCode} while loading`);
      const [{ o, running, ended }] = (await db.query(`SELECT (SELECT count(*)::int FROM n_offers) AS o, (SELECT count(*)::int FROM n_placements WHERE status = 'started') AS running,
        (SELECT count(*)::int FROM n_placements WHERE status = 'ended') AS ended`)).rows;
      return o === offers.length && running === ACTIVE && ended === ENDED;
    }, { what: 'notifications has every offer and placement', timeoutMs: 1_800_000, intervalMs: 1000 });
    const sent = events.offers.length + events.placements.length;
    const loadSeconds = (performance.now() - loadStarted) / 1000;
    console.log(`loaded into notifications through Kafka: ${sent.toLocaleString('da-DK')} events in ${loadSeconds.toFixed(1)} s = ${(sent / loadSeconds).toFixed(0)} events/s (produce included)`);
    await db.query('ANALYZE');

    const headers = await identity.authFor(`kkr-${{ 1081: 'nordjylland', 1082: 'midtjylland', 1083: 'syddanmark', 1084: 'hovedstaden', 1085: 'sjaelland' }[REGION]}`);
    const monitor = `http://127.0.0.1:${PORT}/supply/regions/${REGION}`;
    let rows = 0;
    for (let i = 0; i < 10; i++) await fetch(monitor, { headers }).then((r) => r.json()); // warm-up
    const api: number[] = [];
    for (let i = 0; i < QUERIES; i++) {
      const t = performance.now();
      const answer = await fetch(monitor, { headers });
      const body = (await answer.json()) as { items: unknown[] };
      api.push(performance.now() - t);
      if (answer.status !== 200) throw new Error(`the monitor answered ${answer.status}`);
      rows = body.items.length;
    }
    // The same four reads, raw, on one connection: what the page costs the database, rows fetched.
    const raw: number[] = [];
    let placementRows = 0;
    for (let i = 0; i < QUERIES + 10; i++) {
      const t = performance.now();
      for (const sql of Object.values(SUPPLY_FIGURES_SQL)) {
        const result = await db.query(sql, [REGION]);
        if (sql === SUPPLY_FIGURES_SQL.placements) placementRows = result.rowCount ?? 0;
      }
      if (i >= 10) raw.push(performance.now() - t);
    }
    const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
    const [a, r] = [sorted(api), sorted(raw)];
    console.log(`\nsupply monitor benchmark: region ${REGION}, ${rows} rows (target group × paragraph) from ${placementRows.toLocaleString('da-DK')} placements held; ${QUERIES} requests; 2 cores`);
    console.log(`notifications GET /supply/regions/${REGION} (HTTP, token, figures)   p50 ${percentile(a, 50).toFixed(2)} ms   p95 ${percentile(a, 95).toFixed(2)} ms`);
    console.log(`raw SQL, the same four reads, same database                 p50 ${percentile(r, 50).toFixed(2)} ms   p95 ${percentile(r, 95).toFixed(2)} ms`);
    console.log(`ratio (API / raw SQL): p50 ${(percentile(a, 50) / percentile(r, 50)).toFixed(2)}   p95 ${(percentile(a, 95) / percentile(r, 95)).toFixed(2)} (target p95 ≤ 1.5)`);
  } finally {
    await db.end();
    await stopServiceProcess(notifications);
    await identity.stop();
    await database.drop().catch(() => undefined);
  }
}

main().then(() => process.exit(0), (error) => {
  console.error(error);
  process.exit(1);
});
