// npm run bench:search: search over 10,000 offers through visitation's API (a separate process,
// with a token), beside the same filter as one raw SQL query on the same table. Prints figures.
import { regionOfMunicipality, type OfferSnapshot } from '@tilbudsnet/contracts';
import { createTestDatabase, startTestIdentity, testKafkaBrokers } from '@tilbudsnet/testing';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { demoOfferRequests } from '../services/offers/src/seed/demo-offers';
import { recordOf } from '../services/visitation/src/catalogue/catalogue-offer.entity';
import { startServiceProcess, stopServiceProcess } from '@tilbudsnet/testing';
import { percentile } from './stats';
import { cpuProfileArgs } from './cpu-profile';

const OFFERS = Number(process.env.BENCH_OFFERS ?? 10000);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 300);
const FILTER = { targetGroup: 'autism', paragraph: '108', hasVacancy: 'true', lat: '56.15', lon: '10.2', maxDistanceKm: '150', limit: '50' };

async function fillCatalogue(db: Client): Promise<void> {
  const requests = demoOfferRequests(OFFERS, 7);
  for (let i = 0; i < requests.length; i += 500) {
    const rows = requests.slice(i, i + 500).map((r, j) => {
      const approved = r.paragraphs[0].approvedPlaces;
      const occupied = (i + j) % (approved + 1);
      const snapshot = {
        ...r, offerId: randomUUID(), regionCode: regionOfMunicipality(r.municipalityCode)!, status: 'active' as const, lastConfirmedAt: null, demo: true,
        capacity: { approvedPlaces: approved, occupiedPlaces: occupied, reservedPlaces: 0, vacantPlaces: approved - occupied },
      };
      return recordOf(snapshot as OfferSnapshot, 1);
    });
    const values: unknown[] = [];
    const tuples = rows.map((row, k) => {
      values.push(row.offerId, JSON.stringify(row.snapshot), row.version, row.regionCode, row.municipalityCode, row.paragraphs, row.targetGroups, row.specialisationLevel, row.status, row.vacantPlaces, row.lat, row.lon);
      return `(${Array.from({ length: 12 }, (_, n) => `$${k * 12 + n + 1}`).join(',')})`;
    });
    await db.query(`INSERT INTO catalogue_offers (offer_id, snapshot, version, region_code, municipality_code, paragraphs, target_groups, specialisation_level, status, vacant_places, lat, lon) VALUES ${tuples.join(',')}`, values);
  }
  await db.query('ANALYZE catalogue_offers');
}

async function main(): Promise<void> {
  const brokers = await testKafkaBrokers();
  const identity = await startTestIdentity();
  const db = await createTestDatabase('bench_search');
  const visitation = await startServiceProcess('visitation', 4202, {
    KAFKA_BROKERS: brokers, VISITATION_DATABASE_URL: db.url, OIDC_ISSUER: identity.issuer, VISITATION_CONSUMER_GROUP: `bench-${Date.now()}`,
    CITIZEN_DATA_KEYS: process.env.CITIZEN_DATA_KEYS!, CPR_LOOKUP_KEY: process.env.CPR_LOOKUP_KEY!,
  }, cpuProfileArgs('visitation'));
  const sql = new Client({ connectionString: db.url });
  await sql.connect();
  try {
    await fillCatalogue(sql);
    const headers = await identity.authFor('officer-aarhus');
    const url = `http://127.0.0.1:4202/offers?${new URLSearchParams(FILTER)}`;
    let hits = 0;
    for (let i = 0; i < 20; i++) await fetch(url, { headers }).then((r) => r.json()); // warm-up
    const api: number[] = [];
    for (let i = 0; i < QUERIES; i++) {
      const t = performance.now();
      const body = (await fetch(url, { headers }).then((r) => r.json())) as { count: number };
      api.push(performance.now() - t);
      hits = body.count;
    }
    const raw: number[] = [];
    const rawSql = `SELECT snapshot FROM catalogue_offers c WHERE $1 = ANY(c.target_groups) AND $2 = ANY(c.paragraphs) AND c.vacant_places > 0 AND c.status = 'active'
      AND (6371 * acos(least(1, cos(radians($3)) * cos(radians(c.lat)) * cos(radians(c.lon) - radians($4)) + sin(radians($3)) * sin(radians(c.lat))))) <= $5
      ORDER BY (6371 * acos(least(1, cos(radians($3)) * cos(radians(c.lat)) * cos(radians(c.lon) - radians($4)) + sin(radians($3)) * sin(radians(c.lat))))) LIMIT 200`;
    for (let i = 0; i < QUERIES + 20; i++) {
      const t = performance.now();
      await sql.query(rawSql, ['autism', '108', 56.15, 10.2, 150]);
      if (i >= 20) raw.push(performance.now() - t);
    }
    const s = (xs: number[]) => [...xs].sort((a, b) => a - b);
    const [a, r] = [s(api), s(raw)];
    console.log(`\nsearch benchmark: ${OFFERS} offers in the catalogue, ${QUERIES} queries, ${hits} hits per query; filter ${JSON.stringify(FILTER)}; 2 cores`);
    console.log(`visitation GET /offers (HTTP, token, ranking)   p50 ${percentile(a, 50).toFixed(2)} ms   p95 ${percentile(a, 95).toFixed(2)} ms`);
    console.log(`raw SQL, same filter, same table                p50 ${percentile(r, 50).toFixed(2)} ms   p95 ${percentile(r, 95).toFixed(2)} ms`);
    console.log(`ratio (API / raw SQL): p50 ${(percentile(a, 50) / percentile(r, 50)).toFixed(2)}   p95 ${(percentile(a, 95) / percentile(r, 95)).toFixed(2)}`);
  } finally {
    await sql.end();
    await stopServiceProcess(visitation);
    await identity.stop();
    await db.drop().catch(() => undefined);
  }
}

main().then(() => process.exit(0), (error) => {
  console.error(error);
  process.exit(1);
});
