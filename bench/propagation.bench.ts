// npm run bench:propagation: N capacity changes through offers' HTTP API until each is applied in
// visitation's catalogue AND notifications' read model (offers, visitation and notifications as
// separate processes, real Kafka and PostgreSQL), BENCH_IN_FLIGHT changes in flight (as many as
// the API takes), beside the limits of this machine measured in the same run (pgbench -N, Kafka's
// ProducerPerformance and EndToEndLatency) and the raw kafkajs round trip. Prints; asserts nothing.
import { createTestDatabase, startTestIdentity, testKafkaBrokers } from '@tilbudsnet/testing';
import { Client } from 'pg';
import { offerRequest } from '../e2e/support/demo-offer';
import { rawRoundTrip } from './raw-kafka';
import { startServiceProcess, stopServiceProcess } from '@tilbudsnet/testing';
import { line, summarise } from './stats';
import { measureMachineLimits, printLimits } from './machine-limits';
import { cpuProfileArgs } from './cpu-profile';

const CHANGES = Number(process.env.BENCH_CHANGES ?? 6000);
/** Changes in flight: one offer each, changed again as soon as its last change was answered. */
const OFFERS = Number(process.env.BENCH_IN_FLIGHT ?? process.env.BENCH_OFFERS ?? 48);

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

    const sentAt = new Map<string, number>(); // `${offerId}:${version}` -> ms
    const appliedAt = new Map<string, number>();
    let polling = true;
    // A change counts as propagated once both read models have its version.
    const poller = (async () => {
      const seen = new Map(ids.map((id) => [id, 1]));
      while (polling) {
        const [{ rows: v }, { rows: n }] = await Promise.all([
          catalogue.query('SELECT offer_id, version FROM catalogue_offers WHERE offer_id = ANY($1)', [ids]),
          notified.query('SELECT offer_id, version FROM n_offers WHERE offer_id = ANY($1)', [ids]),
        ]);
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

    const perOffer = Math.ceil(CHANGES / OFFERS);
    let answered = 0;
    let lastAnswer = 0;
    const started = performance.now();
    await Promise.all(ids.map(async (id) => {
      for (let k = 0; k < perOffer; k++) {
        sentAt.set(`${id}:${k + 2}`, performance.now());
        const r = await fetch(`http://127.0.0.1:4101/offers/${id}/capacity`, {
          method: 'PATCH', headers, body: JSON.stringify({ approvedPlaces: 12 + (k % 50) }),
        });
        if (r.status !== 200) throw new Error(`PATCH answered ${r.status}`);
        answered++;
        lastAnswer = performance.now();
      }
    }));
    while (appliedAt.size < sentAt.size) await new Promise((r) => setTimeout(r, 5));
    const seconds = (performance.now() - started) / 1000;
    polling = false;
    await poller;
    const latencies = [...sentAt].map(([key, t]) => appliedAt.get(key)! - t);
    const system = summarise(latencies, seconds);

    const raw = await rawRoundTrip(brokers.split(','), system.count, OFFERS, 900);
    console.log(`\npropagation benchmark: ${system.count} capacity changes over ${OFFERS} offers, ${OFFERS} in flight; 2 cores`);
    if (limits) printLimits(limits);
    console.log(`${'offers HTTP PATCH answered'.padEnd(34)} ${answered} in ${((lastAnswer - started) / 1000).toFixed(2)} s = ${(answered / ((lastAnswer - started) / 1000)).toFixed(0)}/s`);
    console.log(line('offers HTTP -> visitation + notifications', system));
    console.log(line('raw kafkajs produce -> consume', raw));
    if (limits) {
      console.log(`ratio throughput (system / pgbench -N): ${(system.perSecond / limits.pgbenchTps).toFixed(3)}   (target >= 0.5)`);
      console.log(`ratio p99 latency (system / Kafka EndToEndLatency p99): ${(system.p99 / limits.endToEnd.p99).toFixed(1)}   (target <= 10 at half the load)`);
    }
    console.log(`ratio throughput (system / raw kafkajs): ${(system.perSecond / raw.perSecond).toFixed(2)}   p50 latency: ${(system.p50 / raw.p50).toFixed(2)}`);
  } finally {
    await catalogue.end();
    await notified.end();
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
