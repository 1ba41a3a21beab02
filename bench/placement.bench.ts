// npm run bench:placement: sustained placements end to end. Offers and visitation run as their own
// processes; W officers each loop: request a place -> wait until offers reserved it -> confirm.
// Prints placements per second and the latency from request to confirmed start.
import { createTestDatabase, startTestIdentity, testKafkaBrokers } from '@tilbudsnet/testing';
import { offerRequest } from '../e2e/support/demo-offer';
import { startServiceProcess, stopServiceProcess } from '@tilbudsnet/testing';
import { Client } from 'pg';
import { hopsLine, percentile } from './stats';
import { cpuProfileArgs } from './cpu-profile';
import { costLine, markCost } from './cost';

const PLACEMENTS = Number(process.env.BENCH_PLACEMENTS ?? 400);
const WORKERS = Number(process.env.BENCH_WORKERS ?? 8);
/** Offers the officers place in, officer i in offer i mod OFFERS: fewer offers, more waiting on one offer's row lock. */
const OFFERS = Number(process.env.BENCH_OFFER_COUNT ?? 4);
const PURPOSE = { 'x-purpose': 'benchmark' };
/** How often the reservations are looked for. */
const POLL_MS = Number(process.env.BENCH_POLL_MS ?? 10);
/**
 * How the officers learn that a place is reserved: `db` (default), one watcher reading visitation's
 * placements table for every pending placement at once; `api`, each officer reads its placement
 * through the API every POLL_MS, an audited read each time, which at 32 officers saturates
 * visitation's HTTP side and measures the polling more than the saga.
 */
const WATCH = process.env.BENCH_WATCH ?? 'db';

/**
 * The way to a reservation split by hop, from the messaging tables' own timestamps, per placement:
 * visitation's PlacementRequested outbox row (`created_at` is the request's transaction start) to
 * `published_at`; to offers' inbox row (`processed_at`: the start of the transaction that reserves,
 * which also writes PlaceReserved); to PlaceReserved published; to visitation's inbox row.
 */
async function sagaHops(offersUrl: string, visitationUrl: string): Promise<Record<string, number[]>> {
  const offers = new Client({ connectionString: offersUrl });
  const visitation = new Client({ connectionString: visitationUrl });
  await offers.connect();
  await visitation.connect();
  try {
    const ms = (column: string) => `extract(epoch FROM ${column}) * 1000`;
    const outbox = async (db: Client, type: string) => new Map((await db.query(
      `SELECT envelope -> 'payload' ->> 'placementId' AS placement, event_id::text AS id, ${ms('created_at')} AS created, ${ms('published_at')} AS published
       FROM messaging_outbox WHERE envelope ->> 'type' = $1 AND published_at IS NOT NULL`, [type],
    )).rows.map((r: { placement: string; id: string; created: string; published: string }) => [r.placement, { id: r.id, created: Number(r.created), published: Number(r.published) }]));
    const inbox = async (db: Client, ids: string[]) => new Map((await db.query(
      `SELECT event_id::text AS id, ${ms('processed_at')} AS at FROM messaging_inbox WHERE event_id = ANY($1::uuid[])`, [ids],
    )).rows.map((r: { id: string; at: string }) => [r.id, Number(r.at)]));
    const requested = await outbox(visitation, 'PlacementRequested');
    const reserved = await outbox(offers, 'PlaceReserved');
    const atOffers = await inbox(offers, [...requested.values()].map((r) => r.id));
    const atVisitation = await inbox(visitation, [...reserved.values()].map((r) => r.id));
    const hops: Record<string, number[]> = {
      'request transaction -> published': [], 'published -> offers reserves': [], 'offers reserves -> PlaceReserved published': [], 'published -> visitation': [],
    };
    for (const [placement, request] of requested) {
      const reservation = reserved.get(placement);
      if (!reservation || !atOffers.has(request.id) || !atVisitation.has(reservation.id)) continue;
      hops['request transaction -> published'].push(request.published - request.created);
      hops['published -> offers reserves'].push(atOffers.get(request.id)! - request.published);
      hops['offers reserves -> PlaceReserved published'].push(reservation.published - reservation.created);
      hops['published -> visitation'].push(atVisitation.get(reservation.id)! - reservation.published);
    }
    return hops;
  } finally {
    await offers.end();
    await visitation.end();
  }
}

async function main(): Promise<void> {
  const brokers = await testKafkaBrokers();
  const identity = await startTestIdentity();
  const offersDb = await createTestDatabase('bench_pl_offers');
  const visitationDb = await createTestDatabase('bench_pl_visitation');
  const env = {
    KAFKA_BROKERS: brokers, OFFERS_DATABASE_URL: offersDb.url, VISITATION_DATABASE_URL: visitationDb.url, OIDC_ISSUER: identity.issuer,
    CITIZEN_DATA_KEYS: process.env.CITIZEN_DATA_KEYS!, CPR_LOOKUP_KEY: process.env.CPR_LOOKUP_KEY!,
    VISITATION_CONSUMER_GROUP: `bench-v-${Date.now()}`, OFFERS_CONSUMER_GROUP: `bench-o-${Date.now()}`,
    // The officers of the benchmark poll their placements: far above one user's fair share of the API.
    RATE_LIMIT_API: '1000000/1000000',
  };
  const offers = await startServiceProcess('offers', 4301, env, cpuProfileArgs('offers'));
  const visitation = await startServiceProcess('visitation', 4302, env, cpuProfileArgs('visitation'));
  try {
    const manager = { 'content-type': 'application/json', ...(await identity.authFor('manager-aarhus')) };
    const officer = { 'content-type': 'application/json', ...(await identity.authFor('officer-aarhus')), ...PURPOSE };
    const offerIds: string[] = [];
    for (let i = 0; i < OFFERS; i++) {
      const r = await fetch('http://127.0.0.1:4301/offers', { method: 'POST', headers: manager, body: JSON.stringify(offerRequest({ name: `Bench ${i}`, paragraphs: [{ paragraph: '108', approvedPlaces: PLACEMENTS }] })) });
      offerIds.push(((await r.json()) as { offerId: string }).offerId);
    }
    const v = (path: string, method = 'GET', body?: unknown) =>
      fetch(`http://127.0.0.1:4302${path}`, { method, headers: officer, body: body === undefined ? undefined : JSON.stringify(body) }).then((r) => r.json()) as Promise<any>;
    for (;;) {
      const found = (await v('/offers?limit=200')).items.filter((o: { offerId: string }) => offerIds.includes(o.offerId));
      if (found.length === offerIds.length) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const caseIds: string[] = [];
    for (let i = 0; i < WORKERS; i++) {
      const c = await v('/cases', 'POST', { cpr: `01019${String(1000 + i).slice(-4)}1`.slice(0, 10), name: `Bench ${i}`, needs: { targetGroups: ['autism'], paragraph: '108', supportLevel: 'medium' } });
      caseIds.push(c.id);
    }
    // One watcher for every pending placement: resolves each once visitation says reserved (or fails it).
    const watchDb = new Client({ connectionString: visitationDb.url });
    await watchDb.connect();
    const pending = new Map<string, { resolve: () => void; reject: (e: Error) => void }>();
    let watching = true;
    let watcherReads = 0;
    const watcher = (async () => {
      while (watching) {
        if (pending.size) {
          watcherReads++;
          const rows: { id: string; status: string }[] = (await watchDb.query(`SELECT id, status FROM placements WHERE id = ANY($1::uuid[]) AND status <> 'requested'`, [[...pending.keys()]])).rows;
          for (const row of rows) {
            const waiter = pending.get(row.id)!;
            pending.delete(row.id);
            if (row.status === 'reserved') waiter.resolve();
            else waiter.reject(new Error(`placement ${row.id} ended as ${row.status}`));
          }
        }
        await new Promise((r) => setTimeout(r, POLL_MS));
      }
    })();
    const reserved = async (placementId: string): Promise<void> => {
      if (WATCH === 'db') return new Promise((resolve, reject) => pending.set(placementId, { resolve, reject }));
      for (;;) {
        const read = await v(`/placements/${placementId}`);
        if (read.status === 'reserved') return;
        if (read.status !== 'requested') throw new Error(`placement ${placementId}: ${JSON.stringify(read).slice(0, 300)}`);
        await new Promise((r) => setTimeout(r, POLL_MS));
      }
    };
    const latencies: number[] = [];
    const requestMs: number[] = [];
    const confirmMs: number[] = [];
    let next = 0;
    const databases = { offers: new Client({ connectionString: offersDb.url }), visitation: new Client({ connectionString: visitationDb.url }) };
    for (const db of Object.values(databases)) await db.connect();
    const costFrom = await markCost(databases);
    const started = performance.now();
    await Promise.all(caseIds.map(async (caseId, w) => {
      while (next < PLACEMENTS) {
        next++;
        const t = performance.now();
        const placement = await v(`/cases/${caseId}/placements`, 'POST', { offerId: offerIds[w % offerIds.length], startDate: '2027-01-01' });
        requestMs.push(performance.now() - t);
        if (placement.status !== 'requested') throw new Error(`request answered ${JSON.stringify(placement).slice(0, 300)}`);
        await reserved(placement.id);
        const confirming = performance.now();
        const confirmed = await v(`/placements/${placement.id}/confirm`, 'POST');
        confirmMs.push(performance.now() - confirming);
        if (confirmed.status !== 'started') throw new Error(`confirm answered ${JSON.stringify(confirmed)}`);
        latencies.push(performance.now() - t);
      }
    }));
    const seconds = (performance.now() - started) / 1000;
    watching = false;
    await watcher;
    await new Promise((r) => setTimeout(r, 1500)); // pg_stat_database is flushed within about a second
    const costTo = await markCost(databases);
    for (const db of Object.values(databases)) await db.end();
    await watchDb.end();
    const hops = await sagaHops(offersDb.url, visitationDb.url);
    const sorted = [...latencies].sort((a, b) => a - b);
    console.log(`\nplacement benchmark: ${latencies.length} placements by ${WORKERS} officers at once, ${OFFERS} offers; offers and visitation as processes; reservations seen by ${WATCH === 'db' ? 'one watcher on visitation\'s table' : 'each officer polling the API'} every ${POLL_MS} ms; 2 cores`);
    console.log(`sustained ${(latencies.length / seconds).toFixed(1)} placements/s   request -> reserved -> confirmed: p50 ${percentile(sorted, 50).toFixed(0)} ms  p95 ${percentile(sorted, 95).toFixed(0)} ms  p99 ${percentile(sorted, 99).toFixed(0)} ms`);
    console.log(`  HTTP answers (p50 / p99): ${hopsLine({ request: requestMs, confirm: confirmMs })}`);
    console.log(`  where it went (database clocks, p50 / p99): ${hopsLine(hops)}`);
    // Less the benchmark's own transactions: the watcher's reads and the first mark's query in each database.
    // The ceiling this cost sets: 2 cores give 2,000 ms of CPU a second.
    const cpuPerSaga = (costTo.cpuMs - costFrom.cpuMs) / latencies.length;
    console.log(`  what it cost: ${costLine(costFrom, costTo, latencies.length, { offers: 1, visitation: watcherReads + 1 }, 'saga')} (CPU includes the officers, the watcher and 1.5 s idle at the end); at that cost 2 cores carry at most ${(2000 / cpuPerSaga).toFixed(0)} sagas/s`);
  } finally {
    await stopServiceProcess(visitation);
    await stopServiceProcess(offers);
    await identity.stop();
    await offersDb.drop().catch(() => undefined);
    await visitationDb.drop().catch(() => undefined);
  }
}

main().then(() => process.exit(0), (error) => {
  console.error(error);
  process.exit(1);
});
