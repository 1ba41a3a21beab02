// npm run bench:month-close: the month close over the national data set (BENCH_OFFERS offers,
// default 10,000; BENCH_PLACEMENTS active placements, default 100,000, and a fifth as many that
// ended before the month). Loaded through the services' own paths: offers and placements as the
// events offers and visitation publish, consumed by a tariffs process; every offer's budget through
// tariffs' API as its operator. Then POST /settlements/:month/close, timed, with tariffs' resident
// memory sampled while it runs. Prints figures; asserts nothing.
import { Topics } from '@tilbudsnet/contracts';
import { brokersFromEnv, createKafkaBus } from '@tilbudsnet/messaging';
import { startServiceProcess, startTestIdentity, stopServiceProcess, waitUntil } from '@tilbudsnet/testing';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Client } from 'pg';
import { nationalDataSetEvents, nationalOffers, nationalPlacements, sendEvents } from './national-data-set';
import { cpuProfileArgs } from './cpu-profile';

const OFFERS = Number(process.env.BENCH_OFFERS ?? 10_000);
const ACTIVE = Number(process.env.BENCH_PLACEMENTS ?? 100_000);
const ENDED = Math.round(ACTIVE / 5);
const PREFIX = `benchclose${randomUUID().slice(0, 6)}.`;
const PORT = 3303;
const now = new Date();
const MONTH = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
const YEAR = MONTH.slice(0, 4);

/** Resident memory of a process now, and its peak so far (VmHWM), in MiB. */
function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: kib('VmRSS') / 1024, peak: kib('VmHWM') / 1024 };
}

async function main(): Promise<void> {
  const offers = nationalOffers(OFFERS);
  const placements = nationalPlacements(offers, MONTH, ACTIVE, ENDED);
  console.log(`national data set: ${offers.length.toLocaleString('da-DK')} offers, ${ACTIVE.toLocaleString('da-DK')} placements running through ${MONTH}, ${ENDED.toLocaleString('da-DK')} ended before it, paid by ${new Set(placements.map((p) => p.payingMunicipality)).size} municipalities`);

  const bus = createKafkaBus({ brokers: brokersFromEnv(), clientId: 'bench-month-close', topicPrefix: PREFIX });
  const admin = await bus.admin();
  await admin.ensureTopics([Topics.offer, Topics.placement, Topics.tariff, Topics.settlement].flatMap((t) => [t, `${t}.dlq`]).map((topic) => ({ topic, partitions: 6 })));
  await admin.disconnect();

  const database = `bench_close_${randomUUID().slice(0, 6)}`;
  const pg = new Client({ connectionString: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' });
  pg.on('error', (e) => console.error(`postgres: ${e.message}`));
  await pg.connect();
  await pg.query(`CREATE DATABASE ${database}`);
  const url = (process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres').replace(/\/[^/]*$/, `/${database}`);
  const identity = await startTestIdentity();
  const tariffs = await startServiceProcess('tariffs', PORT, {
    KAFKA_TOPIC_PREFIX: PREFIX, TARIFFS_DATABASE_URL: url, TARIFFS_CONSUMER_GROUP: `bench-close-${randomUUID().slice(0, 6)}`, OIDC_ISSUER: identity.issuer, LOG_LEVEL: 'warn',
  }, [
    ...cpuProfileArgs('tariffs'),
    // E.g. --max-old-space-size=192: the close streams, so it must finish inside a small heap too.
    ...(process.env.BENCH_TARIFFS_NODE_ARGS ?? '').split(' ').filter(Boolean),
  ]);
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
    const sent = events.offers.length + events.placements.length;
    await waitUntil(async () => {
      if (tariffs.exitCode !== null) throw new Error(`tariffs exited with ${tariffs.exitCode} while loading`);
      const [{ offers: o, placements: n, ended: e }] = (await db.query(`SELECT (SELECT count(*)::int FROM tariff_offers) AS offers, (SELECT count(*)::int FROM tariff_placements) AS placements,
        (SELECT count(*)::int FROM tariff_placements WHERE end_date IS NOT NULL) AS ended`)).rows;
      return o === offers.length && n === placements.length && e === ENDED;
    }, { what: 'tariffs has every offer and placement', timeoutMs: 900_000, intervalMs: 1000 });
    const loadSeconds = (performance.now() - loadStarted) / 1000;
    console.log(`loaded into tariffs through Kafka: ${sent.toLocaleString('da-DK')} events in ${loadSeconds.toFixed(1)} s = ${(sent / loadSeconds).toFixed(0)} events/s (produce included)`);

    // Every offer's budget for the year, as its operator, 16 at a time.
    const budgetStarted = performance.now();
    const tokens = new Map<string, Promise<string>>();
    const tokenFor = (operator: string) => {
      if (!tokens.has(operator)) tokens.set(operator, identity.signAccessToken({ id: `bench-${operator}`, name: 'Bench', role: 'offer-manager', operator }));
      return tokens.get(operator)!;
    };
    let next = 0;
    await Promise.all(Array.from({ length: 16 }, async () => {
      while (next < offers.length) {
        const offer = offers[next++];
        const places = offer.capacity.approvedPlaces;
        const answer = await fetch(`http://127.0.0.1:${PORT}/offers/${offer.offerId}/budgets/${YEAR}`, {
          method: 'PUT', headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokenFor(`${offer.operator.kind}:${offer.operator.id}`)}` },
          body: JSON.stringify({ directOperatingCosts: `${places * 650_000}.00`, depreciationAndInterest: '0.00', civilServantPensions: '0.00', otherIncome: '0.00', approvedPlaces: places, budgetedOccupancyPct: 95, packages: [] }),
        });
        if (answer.status !== 200) throw new Error(`budget of ${offer.offerId}: ${answer.status} ${await answer.text()}`);
      }
    }));
    console.log(`budgets through tariffs' API: ${offers.length.toLocaleString('da-DK')} in ${((performance.now() - budgetStarted) / 1000).toFixed(1)} s`);

    const adminToken = await identity.tokenFor('admin');
    const before = memoryOf(tariffs.pid!);
    let highest = before.rss;
    const sampler = setInterval(() => { highest = Math.max(highest, memoryOf(tariffs.pid!).rss); }, 100);
    const closeStarted = performance.now();
    const closed = await fetch(`http://127.0.0.1:${PORT}/settlements/${MONTH}/close`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` }, body: '{}', signal: AbortSignal.timeout(600_000),
    });
    const closeSeconds = (performance.now() - closeStarted) / 1000;
    clearInterval(sampler);
    if (closed.status !== 200) throw new Error(`month close answered ${closed.status}: ${(await closed.text()).slice(0, 300)}`);
    const [{ statements, lines, total }] = (await db.query(`SELECT count(*)::int AS statements, sum(jsonb_array_length(lines))::int AS lines, (sum(total_oere) / 100)::text AS total FROM statements WHERE month = $1`, [MONTH])).rows;
    console.log(`month close ${MONTH}: ${closeSeconds.toFixed(1)} s for ${ACTIVE.toLocaleString('da-DK')} running placements → ${statements.toLocaleString('da-DK')} statements, ${lines.toLocaleString('da-DK')} lines, ${Number(total).toLocaleString('da-DK')} kr. (target ≤ 60 s)`);
    console.log(`tariffs' resident memory: ${before.rss.toFixed(0)} MiB before the close, at most ${highest.toFixed(0)} MiB during it (+${(highest - before.rss).toFixed(0)} MiB)`);
  } finally {
    await db.end();
    await stopServiceProcess(tariffs);
    await identity.stop();
    await pg.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await pg.end();
  }
}

main().then(() => process.exit(0), (error) => {
  console.error(error);
  process.exit(1);
});
