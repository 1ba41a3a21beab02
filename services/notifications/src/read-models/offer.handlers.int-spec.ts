import type { INestApplication } from '@nestjs/common';
import { createEvent, loadExampleEvent, Topics, type NewEvent, type OfferSnapshot } from '@tilbudsnet/contracts';
import type { BusProducer } from '@tilbudsnet/messaging';
import { createTestDatabase, testBus, testKafkaBrokers, uniqueGroupId, waitUntil, type TestDatabase } from '@tilbudsnet/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createNotificationsApp } from '../main';

/**
 * Offers' events into notifications' read models and notices, on real Kafka into the real service.
 *
 * Notifications applies its three partitions at once, and every capacity change locks the region
 * rows of the offer's target groups until its transaction commits. Many offers of several regions
 * changed in a burst, on real Kafka into the real service: no transaction may wait for another in
 * a cycle (PostgreSQL would break it after a second and the consumer would retry), and every
 * region's vacancy is the sum of its offers' at the end.
 */
let app: INestApplication;
let db: TestDatabase;
let producer: BusProducer;
const cause = { correlationId: randomUUID(), causationId: randomUUID() };

beforeAll(async () => {
  process.env.KAFKA_BROKERS = await testKafkaBrokers();
  db = await createTestDatabase('offer_handlers_concurrency');
  process.env.NOTIFICATIONS_DATABASE_URL = db.url;
  process.env.NOTIFICATIONS_JOB_INTERVAL_MS = '0';
  process.env.DELIVERY_INTERVAL_MS = '0';
  app = await createNotificationsApp({ consumerGroup: uniqueGroupId('offer-concurrency'), sessionTimeoutMs: 6000 });
  await app.startAllMicroservices();
  await app.init();
  producer = await (await testBus('offer-concurrency')).producer();
});

afterAll(async () => {
  await producer?.disconnect();
  await app?.close();
  await db?.drop();
});

const REGIONS = ['1081', '1082', '1083', '1084', '1085'];
const GROUPS = ['autism', 'acquired-brain-injury', 'intellectual-disability', 'psychiatric-illness'];

function snapshot(offerId: string, region: string, targetGroups: string[], approved: number): OfferSnapshot {
  return {
    ...loadExampleEvent('OfferRegistered').payload.offer, offerId, name: `Samtidig ${offerId.slice(0, 4)}`, regionCode: region, targetGroups,
    paragraphs: [{ paragraph: '108', approvedPlaces: approved }], lastConfirmedAt: null, status: 'active',
    capacity: { approvedPlaces: approved, occupiedPlaces: 0, reservedPlaces: 0, vacantPlaces: approved },
  };
}

function event<T extends 'OfferRegistered' | 'CapacityChanged'>(type: T, offerId: string, version: number, payload: NewEvent<T>['payload']) {
  const e = createEvent('offers', { type, aggregateId: offerId, aggregateVersion: version, payload } as NewEvent<T>, cause, new Date(Date.UTC(2026, 10, 1, 0, version)));
  return { key: offerId, value: JSON.stringify(e) };
}

const query = (sql: string, params: unknown[] = []) => app.get(DataSource).query(sql, params);

it('applies a burst of capacity changes of offers in several regions from three partitions at once, without a deadlock or a lost sum', async () => {
  // 40 offers, each in one of five regions with two of four target groups (so two region rows a change).
  const offers = Array.from({ length: 40 }, (_, i) => ({
    id: randomUUID(), region: REGIONS[i % REGIONS.length], groups: [GROUPS[i % GROUPS.length], GROUPS[(i + 1 + Math.floor(i / 4)) % GROUPS.length]].filter((g, k, all) => all.indexOf(g) === k),
  }));
  const [{ deadlocks: before }] = await query('SELECT deadlocks::int FROM pg_stat_database WHERE datname = current_database()');
  // Registered in a burst too: the first offers of each region × group create its row.
  await producer.send([{ topic: Topics.offer, messages: offers.map((o) => event('OfferRegistered', o.id, 1, { offer: snapshot(o.id, o.region, o.groups, 10) })) }]);
  await waitUntil(async () => (await query('SELECT count(*)::int AS n FROM n_offers'))[0].n === offers.length, { what: 'the offers registered' });

  // 25 changes of every offer, interleaved across offers (so across regions) as one burst: each
  // partition's fetch holds changes of many regions in an order no other partition shares.
  const changes = [];
  for (let version = 2; version <= 26; version++) {
    for (const o of [...offers].sort(() => Math.random() - 0.5)) {
      const occupied = (version * 7 + offers.indexOf(o)) % 11;
      const vacant = Math.max(0, 10 - occupied);
      changes.push(event('CapacityChanged', o.id, version, {
        offerId: o.id, capacity: { approvedPlaces: 10, occupiedPlaces: Math.min(10, occupied), reservedPlaces: 0, vacantPlaces: vacant },
        paragraphs: [{ paragraph: '108', approvedPlaces: 10 }], reason: 'placement-started',
      }));
    }
  }
  await producer.send([{ topic: Topics.offer, messages: changes }]);
  await waitUntil(async () => (await query('SELECT count(*)::int AS n FROM n_offers WHERE version = 26'))[0].n === offers.length, { timeoutMs: 120_000, what: 'every change applied' });

  await new Promise((r) => setTimeout(r, 1500));
  await query('SELECT pg_stat_clear_snapshot()');
  const [{ deadlocks: after }] = await query('SELECT deadlocks::int FROM pg_stat_database WHERE datname = current_database()');
  expect(after - before).toBe(0);
  const sums = await query(
    `SELECT v.region_code, v.target_group, v.vacant, (SELECT COALESCE(SUM(o.vacant), 0)::int FROM n_offers o
       WHERE o.region_code = v.region_code AND v.target_group = ANY(o.target_groups) AND o.status = 'active') AS expected
     FROM n_region_vacancy v WHERE v.region_code = ANY($1)`, [REGIONS]);
  expect(sums.length).toBeGreaterThan(REGIONS.length);
  for (const row of sums) expect({ ...row, vacant: row.vacant }).toEqual({ ...row, vacant: row.expected });
}, 180_000);

it('tells the operator, in its inbox, when its offer begins to hold more places than approved, and only then', async () => {
  const offerId = randomUUID();
  const capacity = (version: number, occupied: number, reserved: number) => event('CapacityChanged', offerId, version, {
    offerId, capacity: { approvedPlaces: 1, occupiedPlaces: occupied, reservedPlaces: reserved, vacantPlaces: Math.max(0, 1 - occupied - reserved) },
    paragraphs: [{ paragraph: '108', approvedPlaces: 1 }], reason: 'placement-started',
  });
  // Reserved, then (a late start confirmed in time) occupied as well, then a second late start.
  await producer.send([{ topic: Topics.offer, messages: [
    event('OfferRegistered', offerId, 1, { offer: snapshot(offerId, '1082', ['autism'], 1) }), capacity(2, 0, 1), capacity(3, 1, 1), capacity(4, 2, 1),
  ] }]);
  await waitUntil(async () => (await query('SELECT version FROM n_offers WHERE offer_id = $1', [offerId]))[0]?.version === 4, { what: 'the changes applied' });
  const told = await query(
    `SELECT e.recipient, n.title ->> 'da' AS title FROM inbox_entries e JOIN notices n ON n.id = e.notice_id
     WHERE n.kind = 'capacity-changed' AND n.data ->> 'offerId' = $1`, [offerId]);
  expect(told).toEqual([{ recipient: 'operator:municipality:0751', title: `Overbelægning: Samtidig ${offerId.slice(0, 4)}` }]);
});
