// npm run bench:propagation: N capacity changes through offers' HTTP API until each is applied in
// visitation's catalogue (offers and visitation as separate processes, real Kafka and PostgreSQL),
// beside the raw kafkajs round trip on the same broker. Prints figures; asserts nothing.
import { createTestDatabase, startTestIdentity, testKafkaBrokers } from '@tilbudsnet/testing';
import { Client } from 'pg';
import { offerRequest } from '../e2e/support/demo-offer';
import { rawRoundTrip } from './raw-kafka';
import { startServiceProcess, stopServiceProcess } from '@tilbudsnet/testing';
import { line, summarise } from './stats';

const CHANGES = Number(process.env.BENCH_CHANGES ?? 2000);
const OFFERS = Number(process.env.BENCH_OFFERS ?? 8);

async function main(): Promise<void> {
  const brokers = await testKafkaBrokers();
  const offersDb = await createTestDatabase('bench_offers');
  const visitationDb = await createTestDatabase('bench_visitation');
  const identity = await startTestIdentity();
  const env = {
    KAFKA_BROKERS: brokers, OFFERS_DATABASE_URL: offersDb.url, VISITATION_DATABASE_URL: visitationDb.url, VISITATION_CONSUMER_GROUP: `bench-${Date.now()}`,
    OIDC_ISSUER: identity.issuer, CITIZEN_DATA_KEYS: process.env.CITIZEN_DATA_KEYS!, CPR_LOOKUP_KEY: process.env.CPR_LOOKUP_KEY!,
  };
  const headers = { 'content-type': 'application/json', ...(await identity.authFor('manager-aarhus')) };
  const offers = await startServiceProcess('offers', 4101, env);
  const visitation = await startServiceProcess('visitation', 4102, env);
  const catalogue = new Client({ connectionString: visitationDb.url });
  await catalogue.connect();
  try {
    const ids: string[] = [];
    for (let i = 0; i < OFFERS; i++) {
      const r = await fetch('http://127.0.0.1:4101/offers', { method: 'POST', headers, body: JSON.stringify(offerRequest({ name: `Bench ${i}` })) });
      ids.push(((await r.json()) as { offerId: string }).offerId);
    }
    // Wait for the registrations to reach the catalogue before timing anything.
    for (;;) {
      const { rows } = await catalogue.query('SELECT count(*)::int AS n FROM catalogue_offers');
      if (rows[0].n === OFFERS) break;
      await new Promise((r) => setTimeout(r, 20));
    }

    const sentAt = new Map<string, number>(); // `${offerId}:${version}` -> ms
    const appliedAt = new Map<string, number>();
    let polling = true;
    const poller = (async () => {
      const seen = new Map(ids.map((id) => [id, 1]));
      while (polling) {
        const { rows } = await catalogue.query('SELECT offer_id, version FROM catalogue_offers WHERE offer_id = ANY($1)', [ids]);
        const now = performance.now();
        for (const row of rows as { offer_id: string; version: number }[]) {
          for (let v = seen.get(row.offer_id)! + 1; v <= row.version; v++) appliedAt.set(`${row.offer_id}:${v}`, now);
          seen.set(row.offer_id, Math.max(seen.get(row.offer_id)!, row.version));
        }
        await new Promise((r) => setTimeout(r, 10));
      }
    })();

    const perOffer = Math.ceil(CHANGES / OFFERS);
    const started = performance.now();
    await Promise.all(ids.map(async (id) => {
      for (let k = 0; k < perOffer; k++) {
        sentAt.set(`${id}:${k + 2}`, performance.now());
        const r = await fetch(`http://127.0.0.1:4101/offers/${id}/capacity`, {
          method: 'PATCH', headers, body: JSON.stringify({ approvedPlaces: 12 + (k % 50) }),
        });
        if (r.status !== 200) throw new Error(`PATCH answered ${r.status}`);
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
    console.log(line('offers HTTP -> visitation catalogue', system));
    console.log(line('raw kafkajs produce -> consume', raw));
    console.log(`ratio throughput (system / raw): ${(system.perSecond / raw.perSecond).toFixed(2)}`);
    console.log(`ratio p50 latency (system / raw): ${(system.p50 / raw.p50).toFixed(2)}   p99: ${(system.p99 / raw.p99).toFixed(2)}`);
  } finally {
    await catalogue.end();
    await identity.stop();
    await stopServiceProcess(offers);
    await stopServiceProcess(visitation);
    await offersDb.drop().catch(() => undefined);
    await visitationDb.drop().catch(() => undefined);
  }
}

main().then(() => process.exit(0), (error) => {
  console.error(error);
  process.exit(1);
});
