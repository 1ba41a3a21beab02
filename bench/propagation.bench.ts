// npm run bench:propagation: N capacity changes through offers' HTTP API until each is applied in
// visitation's catalogue AND notifications' read model (offers, visitation and notifications as
// separate processes, real Kafka and PostgreSQL), BENCH_IN_FLIGHT changes in flight (as many as
// the API takes); then latency at half the rate that reached, sent open-loop (BENCH_LATENCY_RATE
// sets another rate); beside the limits of this machine measured in the same run (pgbench -N,
// Kafka's ProducerPerformance and EndToEndLatency) and the raw kafkajs round trip. Prints; asserts nothing.
import { createTestDatabase, startTestIdentity, testKafkaBrokers } from '@tilbudsnet/testing';
import { Client } from 'pg';
import { offerRequest } from '../e2e/support/demo-offer';
import { rawRoundTrip } from './raw-kafka';
import { startServiceProcess, stopServiceProcess } from '@tilbudsnet/testing';
import { hopsLine, line, summarise, type Summary } from './stats';
import { measureMachineLimits, printLimits } from './machine-limits';
import { cpuProfileArgs } from './cpu-profile';
import { costLine, emptyRequestCost, markCost } from './cost';

const CHANGES = Number(process.env.BENCH_CHANGES ?? 6000);
/** Changes in flight: one offer each, changed again as soon as its last change was answered. */
const OFFERS = Number(process.env.BENCH_IN_FLIGHT ?? process.env.BENCH_OFFERS ?? 48);

/** Changes sent in the latency phase at most (20 s at its rate). */
const LATENCY_CHANGES = Number(process.env.BENCH_LATENCY_CHANGES ?? 3000);

interface Propagated { summary: Summary; answered: number; answeringSeconds: number; answer: Summary; /** Queries the poller made of each read model. */ polls: number }

/**
 * Runs `load`, which calls `send(offerId)` for each capacity change it makes, and times each change
 * from its PATCH to the moment both read models hold its version (polled every 10 ms, which the
 * latencies include). Changes of one offer are sent one after another (the next PATCH after the
 * last one's answer), so versions name the changes.
 */
async function propagate(ids: string[], headers: Record<string, string>, [catalogue, notified]: [Client, Client], load: (send: (offerId: string) => Promise<void>) => Promise<unknown>): Promise<Propagated> {
  const sentAt = new Map<string, number>(); // `${offerId}:${version}` -> ms
  const appliedAt = new Map<string, number>();
  const answerMs: number[] = [];
  const { rows: start } = await catalogue.query('SELECT offer_id, version FROM catalogue_offers WHERE offer_id = ANY($1)', [ids]);
  const versions = new Map((start as { offer_id: string; version: number }[]).map((r) => [r.offer_id, r.version]));
  const seen = new Map(versions);
  const queues = new Map<string, Promise<void>>();
  let polling = true;
  let polls = 0;
  // A change counts as propagated once both read models have its version.
  const poller = (async () => {
    while (polling) {
      const [{ rows: v }, { rows: n }] = await Promise.all([
        catalogue.query('SELECT offer_id, version FROM catalogue_offers WHERE offer_id = ANY($1)', [ids]),
        notified.query('SELECT offer_id, version FROM n_offers WHERE offer_id = ANY($1)', [ids]),
      ]);
      polls++;
      const inNotifications = new Map((n as { offer_id: string; version: number }[]).map((r) => [r.offer_id, r.version]));
      const now = performance.now();
      for (const row of v as { offer_id: string; version: number }[]) {
        const both = Math.min(row.version, inNotifications.get(row.offer_id) ?? 0);
        for (let version = seen.get(row.offer_id)! + 1; version <= both; version++) appliedAt.set(`${row.offer_id}:${version}`, now);
        seen.set(row.offer_id, Math.max(seen.get(row.offer_id)!, both));
      }
      await new Promise((r) => setTimeout(r, 10));
    }
  })();
  let answered = 0;
  let lastAnswer = 0;
  const send = (id: string): Promise<void> => {
    const sentNow = performance.now();
    const previous = queues.get(id) ?? Promise.resolve();
    const next = previous.then(async () => {
      const version = versions.get(id)! + 1;
      versions.set(id, version);
      sentAt.set(`${id}:${version}`, sentNow);
      const r = await fetch(`http://127.0.0.1:4101/offers/${id}/capacity`, { method: 'PATCH', headers, body: JSON.stringify({ approvedPlaces: 12 + (version % 50) }) });
      if (r.status !== 200) throw new Error(`PATCH answered ${r.status}`);
      answered++;
      lastAnswer = performance.now();
      answerMs.push(lastAnswer - sentNow);
    });
    queues.set(id, next);
    return next;
  };
  const started = performance.now();
  await load(send);
  while (appliedAt.size < sentAt.size) await new Promise((r) => setTimeout(r, 5));
  const seconds = (performance.now() - started) / 1000;
  polling = false;
  await poller;
  return { summary: summarise([...sentAt].map(([key, t]) => appliedAt.get(key)! - t), seconds), answered, answeringSeconds: (lastAnswer - started) / 1000, answer: summarise(answerMs, seconds), polls };
}

/** When each of these events reached a consumer's inbox, by `at` (an SQL expression over the inbox row, in ms). */
async function inboxTimes(db: Client, ids: string[], at: string): Promise<Map<string, number>> {
  const { rows } = await db.query(`SELECT event_id::text AS id, ${at} AS at FROM messaging_inbox WHERE event_id = ANY($1::uuid[])`, [ids]);
  return new Map(rows.map((r: { id: string; at: string }) => [r.id, Number(r.at)]));
}

/**
 * The latency phase split by hop, from the messaging tables' own timestamps: offers' outbox row
 * (`created_at` is its transaction's start, the PATCH) to `published_at` (the broker acknowledged),
 * then to each consumer's inbox row (`processed_at` is its chunk's transaction start).
 */
async function hopsSince(since: Date, offers: Client, catalogue: Client, notified: Client): Promise<Record<string, number[]>> {
  const { rows: out } = await offers.query(
    `SELECT event_id::text AS id, extract(epoch FROM created_at) * 1000 AS created, extract(epoch FROM published_at) * 1000 AS published
     FROM messaging_outbox WHERE created_at >= $1 AND published_at IS NOT NULL`, [since]);
  const ids = out.map((r: { id: string }) => r.id);
  const at = 'extract(epoch FROM processed_at) * 1000';
  const [inCatalogue, inNotifications] = await Promise.all([inboxTimes(catalogue, ids, at), inboxTimes(notified, ids, at)]);
  type Row = { id: string; created: string; published: string };
  return {
    'PATCH transaction -> published': out.map((r: Row) => Number(r.published) - Number(r.created)),
    'published -> visitation': out.filter((r: Row) => inCatalogue.has(r.id)).map((r: Row) => inCatalogue.get(r.id)! - Number(r.published)),
    'published -> notifications': out.filter((r: Row) => inNotifications.has(r.id)).map((r: Row) => inNotifications.get(r.id)! - Number(r.published)),
  };
}

/**
 * The target's own span, committed -> applied in both read models, with no client or polling in
 * it: from the commit of the PATCH's transaction (its outbox row's) to the later commit of the two
 * consumers' transactions that applied it (their inbox rows'). Needs PostgreSQL's
 * `track_commit_timestamp = on` (a restart: see the README); null when it is off.
 */
async function committedToApplied(since: Date, offers: Client, catalogue: Client, notified: Client): Promise<number[] | null> {
  const [{ track_commit_timestamp: on }] = (await offers.query('SHOW track_commit_timestamp')).rows;
  if (on !== 'on') return null;
  const committed = 'extract(epoch FROM pg_xact_commit_timestamp(xmin)) * 1000';
  const { rows: out } = await offers.query(`SELECT event_id::text AS id, ${committed} AS at FROM messaging_outbox WHERE created_at >= $1`, [since]);
  const ids = out.map((r: { id: string }) => r.id);
  const [inCatalogue, inNotifications] = await Promise.all([inboxTimes(catalogue, ids, committed), inboxTimes(notified, ids, committed)]);
  return out.filter((r: { id: string; at: string | null }) => r.at !== null && inCatalogue.get(r.id) && inNotifications.get(r.id))
    .map((r: { id: string; at: string }) => Math.max(inCatalogue.get(r.id)!, inNotifications.get(r.id)!) - Number(r.at));
}

async function main(): Promise<void> {
  const brokers = await testKafkaBrokers();
  const limits = process.env.BENCH_LIMITS === 'off' ? null : await measureMachineLimits(brokers);
  const offersDb = await createTestDatabase('bench_offers');
  const visitationDb = await createTestDatabase('bench_visitation');
  const notificationsDb = await createTestDatabase('bench_notifications');
  const identity = await startTestIdentity();
  const env = {
    KAFKA_BROKERS: brokers, OFFERS_DATABASE_URL: offersDb.url, VISITATION_DATABASE_URL: visitationDb.url, NOTIFICATIONS_DATABASE_URL: notificationsDb.url,
    VISITATION_CONSUMER_GROUP: `bench-v-${Date.now()}`, NOTIFICATIONS_CONSUMER_GROUP: `bench-n-${Date.now()}`, NOTIFICATIONS_JOB_INTERVAL_MS: '0',
    OIDC_ISSUER: identity.issuer, CITIZEN_DATA_KEYS: process.env.CITIZEN_DATA_KEYS!, CPR_LOOKUP_KEY: process.env.CPR_LOOKUP_KEY!, LOG_LEVEL: 'warn',
    // The benchmark is one principal offering all the load the API takes; the per-token limit would measure itself.
    RATE_LIMIT_API: '1000000/1000000',
  };
  const headers = { 'content-type': 'application/json', ...(await identity.authFor('manager-aarhus')) };
  // BENCH_PROFILE=offers writes a CPU profile of that service to .cache/profiles when it stops.
  const offers = await startServiceProcess('offers', 4101, env, cpuProfileArgs('offers'));
  const visitation = await startServiceProcess('visitation', 4102, env, cpuProfileArgs('visitation'));
  const notifications = await startServiceProcess('notifications', 4104, env, cpuProfileArgs('notifications'));
  const catalogue = new Client({ connectionString: visitationDb.url });
  await catalogue.connect();
  const notified = new Client({ connectionString: notificationsDb.url });
  await notified.connect();
  const written = new Client({ connectionString: offersDb.url });
  await written.connect();
  try {
    const ids: string[] = [];
    for (let i = 0; i < OFFERS; i++) {
      const r = await fetch('http://127.0.0.1:4101/offers', { method: 'POST', headers, body: JSON.stringify(offerRequest({ name: `Bench ${i}` })) });
      ids.push(((await r.json()) as { offerId: string }).offerId);
    }
    // Wait for the registrations to reach the catalogue before timing anything.
    for (;;) {
      const { rows } = await catalogue.query('SELECT count(*)::int AS n FROM catalogue_offers');
      const { rows: n } = await notified.query('SELECT count(*)::int AS n FROM n_offers');
      if (rows[0].n === OFFERS && n[0].n === OFFERS) break;
      await new Promise((r) => setTimeout(r, 20));
    }

    // Phase 1, throughput: every offer changed again as soon as its last change was answered.
    const saturated = await propagate(ids, headers, [catalogue, notified], (send) => Promise.all(ids.map(async (id) => {
      for (let k = 0; k < Math.ceil(CHANGES / OFFERS); k++) await send(id);
    })));
    const system = saturated.summary;
    // Phase 2, latency at half that load: changes sent open-loop at a fixed rate (one offer after
    // another), whether or not earlier ones were answered, so queueing shows in the latency.
    const rate = Number(process.env.BENCH_LATENCY_RATE ?? Math.max(1, Math.floor(system.perSecond / 2)));
    const latencyChanges = Math.min(LATENCY_CHANGES, rate * 20);
    const [{ since }] = (await written.query('SELECT now() AS since')).rows;
    const databases = { offers: written, visitation: catalogue, notifications: notified };
    await new Promise((r) => setTimeout(r, 1500)); // the first phase's statistics flushed
    const costFrom = await markCost(databases);
    const halfLoad = await propagate(ids, headers, [catalogue, notified], async (send) => {
      const begun = performance.now();
      const inFlight: Promise<void>[] = [];
      for (let n = 0; n < latencyChanges; n++) {
        const due = begun + (n * 1000) / rate;
        while (performance.now() < due) await new Promise((r) => setTimeout(r, Math.max(0, due - performance.now())));
        inFlight.push(send(ids[n % ids.length]));
      }
      await Promise.all(inFlight);
    });
    await new Promise((r) => setTimeout(r, 1500));
    const costTo = await markCost(databases);

    const floor = await emptyRequestCost('http://127.0.0.1:4101/health/live', 'offers');
    const raw = await rawRoundTrip(brokers.split(','), system.count, OFFERS, 900);
    console.log(`\npropagation benchmark: ${system.count} capacity changes over ${OFFERS} offers, ${OFFERS} in flight; 2 cores`);
    if (limits) printLimits(limits);
    console.log(`${'offers HTTP PATCH answered'.padEnd(34)} ${saturated.answered} in ${saturated.answeringSeconds.toFixed(2)} s = ${(saturated.answered / saturated.answeringSeconds).toFixed(0)}/s`);
    console.log(line('offers HTTP -> visitation + notifications', system));
    console.log(line(`the same, open loop at ${rate}/s (half)`, halfLoad.summary));
    const hops = await hopsSince(since, written, catalogue, notified);
    console.log(`  where it went (p50 / p99): PATCH answered ${halfLoad.answer.p50.toFixed(1)} / ${halfLoad.answer.p99.toFixed(1)} ms (client); ${hopsLine(hops)} (database clocks)`);
    const polled = { visitation: halfLoad.polls, notifications: halfLoad.polls };
    console.log(`  what it cost: ${costLine(costFrom, costTo, halfLoad.summary.count, polled)} (CPU includes the load generator, its polling and 1.5 s idle at each end)`);
    console.log(`  an empty HTTP request to offers (GET /health/live, 8 at once): machine CPU ${floor.machineMs.toFixed(2)} ms, offers ${floor.serviceMs.toFixed(2)} ms`);
    console.log(line('raw kafkajs produce -> consume', raw));
    if (limits) {
      console.log(`ratio throughput (system / pgbench -N): ${(system.perSecond / limits.pgbenchTps).toFixed(3)}   (target >= 0.5)`);
      // What the target leaves a change of the 2 cores' 2,000 ms of CPU a second, beside what a request that does nothing costs.
      console.log(`  the target's budget: 2,000 ms / ${(limits.pgbenchTps / 2).toFixed(0)} changes = ${(4000 / limits.pgbenchTps).toFixed(2)} ms of machine CPU per change, for everything; an empty HTTP request (GET /health/live, no token, no database) costs ${floor.machineMs.toFixed(2)} ms (offers ${floor.serviceMs.toFixed(2)})`);
      console.log(`ratio p99 latency at ${rate}/s (system / Kafka EndToEndLatency p99): ${(halfLoad.summary.p99 / limits.endToEnd.p99).toFixed(1)}   (target <= 10 at half the load)`);
      const exact = await committedToApplied(since, written, catalogue, notified);
      if (exact) {
        const s = summarise(exact, 1);
        console.log(`  the same, committed -> applied in both by commit timestamps (no HTTP, no polling): p50 ${s.p50.toFixed(1)} ms, p99 ${s.p99.toFixed(1)} ms = ${(s.p99 / limits.endToEnd.p99).toFixed(1)} x`);
      } else {
        console.log('  (committed -> applied by commit timestamps: off; PostgreSQL\'s track_commit_timestamp is off)');
      }
    }
    console.log(`ratio throughput (system / raw kafkajs): ${(system.perSecond / raw.perSecond).toFixed(2)}   p50 latency: ${(system.p50 / raw.p50).toFixed(2)}`);
  } finally {
    await catalogue.end();
    await notified.end();
    await written.end();
    await identity.stop();
    await stopServiceProcess(offers);
    await stopServiceProcess(visitation);
    await stopServiceProcess(notifications);
    await offersDb.drop().catch(() => undefined);
    await visitationDb.drop().catch(() => undefined);
    await notificationsDb.drop().catch(() => undefined);
  }
}

main().then(() => process.exit(0), (error) => {
  console.error(error);
  process.exit(1);
});
