// npm run bench:placement: sustained placements end to end. Offers and visitation run as their own
// processes; W officers each loop: request a place -> wait until offers reserved it -> confirm.
// Prints placements per second and the latency from request to confirmed start.
import { createTestDatabase, startTestIdentity, testKafkaBrokers } from '@tilbudsnet/testing';
import { offerRequest } from '../e2e/support/demo-offer';
import { startServiceProcess, stopServiceProcess } from '@tilbudsnet/testing';
import { percentile } from './stats';

const PLACEMENTS = Number(process.env.BENCH_PLACEMENTS ?? 400);
const WORKERS = Number(process.env.BENCH_WORKERS ?? 8);
const PURPOSE = { 'x-purpose': 'benchmark' };

async function main(): Promise<void> {
  const brokers = await testKafkaBrokers();
  const identity = await startTestIdentity();
  const offersDb = await createTestDatabase('bench_pl_offers');
  const visitationDb = await createTestDatabase('bench_pl_visitation');
  const env = {
    KAFKA_BROKERS: brokers, OFFERS_DATABASE_URL: offersDb.url, VISITATION_DATABASE_URL: visitationDb.url, OIDC_ISSUER: identity.issuer,
    CITIZEN_DATA_KEYS: process.env.CITIZEN_DATA_KEYS!, CPR_LOOKUP_KEY: process.env.CPR_LOOKUP_KEY!,
    VISITATION_CONSUMER_GROUP: `bench-v-${Date.now()}`, OFFERS_CONSUMER_GROUP: `bench-o-${Date.now()}`,
  };
  const offers = await startServiceProcess('offers', 4301, env);
  const visitation = await startServiceProcess('visitation', 4302, env);
  try {
    const manager = { 'content-type': 'application/json', ...(await identity.authFor('manager-aarhus')) };
    const officer = { 'content-type': 'application/json', ...(await identity.authFor('officer-aarhus')), ...PURPOSE };
    const offerIds: string[] = [];
    for (let i = 0; i < 4; i++) {
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
    const latencies: number[] = [];
    let next = 0;
    const started = performance.now();
    await Promise.all(caseIds.map(async (caseId, w) => {
      while (next < PLACEMENTS) {
        next++;
        const t = performance.now();
        const placement = await v(`/cases/${caseId}/placements`, 'POST', { offerId: offerIds[w % offerIds.length], startDate: '2027-01-01' });
        for (;;) {
          const status = (await v(`/placements/${placement.id}`)).status;
          if (status === 'reserved') break;
          if (status !== 'requested') throw new Error(`placement ended as ${status}`);
          await new Promise((r) => setTimeout(r, 10));
        }
        const confirmed = await v(`/placements/${placement.id}/confirm`, 'POST');
        if (confirmed.status !== 'started') throw new Error(`confirm answered ${JSON.stringify(confirmed)}`);
        latencies.push(performance.now() - t);
      }
    }));
    const seconds = (performance.now() - started) / 1000;
    const sorted = [...latencies].sort((a, b) => a - b);
    console.log(`\nplacement benchmark: ${latencies.length} placements by ${WORKERS} officers at once, 4 offers; offers and visitation as processes; 2 cores`);
    console.log(`sustained ${(latencies.length / seconds).toFixed(1)} placements/s   request -> reserved -> confirmed: p50 ${percentile(sorted, 50).toFixed(0)} ms  p95 ${percentile(sorted, 95).toFixed(0)} ms  p99 ${percentile(sorted, 99).toFixed(0)} ms`);
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
