import type { INestApplication } from '@nestjs/common';
import { createEvent, loadExampleEvent, Topics, type EventType } from '@tilbudsnet/contracts';
import { createKafkaBus, type BusProducer } from '@tilbudsnet/messaging';
import {
  createTestDatabase, EventCollector, startTestIdentity, testKafkaBrokers, uniqueGroupId, waitUntil, type TestDatabase, type TestIdentity,
} from '@tilbudsnet/testing';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createOffersApp } from '../main';
import { OfferJobs } from './offer-jobs';

/**
 * Offers on real Kafka and PostgreSQL, as two instances sharing one database and one consumer
 * group, the way it runs with replicas.
 */
let db: TestDatabase;
let identity: TestIdentity;
let instances: INestApplication[];
let url: string;
let producer: BusProducer;
let reservations: EventCollector;
let capacity: EventCollector;
const handledBy = [0, 0];

beforeAll(async () => {
  const brokers = await testKafkaBrokers();
  process.env.KAFKA_BROKERS = brokers;
  process.env.OFFERS_JOB_INTERVAL_MS = '0';
  identity = await startTestIdentity();
  db = await createTestDatabase('offers_reservations');
  process.env.OFFERS_DATABASE_URL = db.url;
  const group = uniqueGroupId('offers');
  instances = [];
  for (const i of [0, 1]) {
    const app = await createOffersApp({
      consumerGroup: group, sessionTimeoutMs: 6000,
      onProcessed: (event, outcome) => { if (event.type === 'PlacementRequested' && outcome === 'applied') handledBy[i]++; },
    });
    await app.startAllMicroservices();
    await app.listen(0, '127.0.0.1');
    instances.push(app);
  }
  url = (await instances[0].getUrl()).replace('[::1]', '127.0.0.1');
  const bus = createKafkaBus({ brokers: brokers.split(','), clientId: 'offers-test' });
  producer = await bus.producer();
  reservations = await new EventCollector(bus, [Topics.reservation]).start();
  capacity = await new EventCollector(bus, [Topics.offer]).start();
});

afterAll(async () => {
  await reservations?.stop();
  await capacity?.stop();
  await producer?.disconnect();
  for (const app of instances ?? []) await app.close();
  await identity?.stop();
  await db?.drop();
});

async function http(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  const r = await fetch(`${url}${path}`, {
    method, body: body === undefined ? undefined : JSON.stringify(body),
    headers: { 'content-type': 'application/json', ...(await identity.authFor('manager-aarhus')) },
  });
  return { status: r.status, body: await r.json() };
}

async function newOffer(places: number): Promise<string> {
  const r = await http('POST', '/offers', {
    name: 'Reservationstest', operator: { kind: 'municipality', id: '0751', name: 'Aarhus Kommune' },
    address: { street: 'Egebakken 12', postalCode: '8210', city: 'Aarhus V' }, municipalityCode: '0751', location: { lat: 56.16, lon: 10.16 },
    paragraphs: [{ paragraph: '108', approvedPlaces: places }], targetGroups: ['autism'], specialisationLevel: 'specialised',
    frameworkAgreement: true, budgetedOccupancyPct: 95,
  });
  expect(r.status).toBe(201);
  return r.body.offerId;
}

function placementEvent(type: Extract<EventType, `Placement${string}`>, placementId: string, offerId: string, version = 1) {
  const example = loadExampleEvent(type) as { payload: object };
  return createEvent('visitation', { type, aggregateId: placementId, aggregateVersion: version, payload: { ...example.payload, placementId, offerId } as never },
    { correlationId: randomUUID(), causationId: randomUUID() });
}

async function publish(events: ReturnType<typeof placementEvent>[]): Promise<void> {
  await producer.send([{ topic: Topics.placement, messages: events.map((e) => ({ key: e.aggregateId, value: JSON.stringify(e) })) }]);
}

function answersFor(offerId: string): { type: string; payload: any }[] {
  return reservations.events<{ type: string; payload: any }>().filter((e) => e.payload.offerId === offerId);
}

async function capacityOf(offerId: string) {
  return (await http('GET', `/offers/${offerId}`)).body.capacity;
}

it('gives exactly 5 of 100 concurrent requests for 5 vacant places a reservation, over two instances', async () => {
  const offerId = await newOffer(5);
  const before = [...handledBy];
  await publish(Array.from({ length: 100 }, () => placementEvent('PlacementRequested', randomUUID(), offerId)));
  await waitUntil(() => answersFor(offerId).length === 100, { timeoutMs: 60000, what: '100 answers' });

  const answers = answersFor(offerId);
  expect(answers.filter((e) => e.type === 'PlaceReserved')).toHaveLength(5);
  expect(answers.filter((e) => e.type === 'ReservationRejected').map((e) => e.payload.reason)).toEqual(Array(95).fill('no-vacancy'));
  expect(await capacityOf(offerId)).toEqual({ approvedPlaces: 5, occupiedPlaces: 0, reservedPlaces: 5, vacantPlaces: 0 });
  // Both instances decided some of the requests: the row lock, not luck, kept it to five.
  expect(handledBy[0] - before[0]).toBeGreaterThan(0);
  expect(handledBy[1] - before[1]).toBeGreaterThan(0);
});

it('frees an expired reservation and says so in an event', async () => {
  const offerId = await newOffer(1);
  const placementId = randomUUID();
  await publish([placementEvent('PlacementRequested', placementId, offerId)]);
  await waitUntil(() => answersFor(offerId).some((e) => e.type === 'PlaceReserved'), { what: 'the reservation' });
  expect((await capacityOf(offerId)).vacantPlaces).toBe(0);

  await instances[1].get(OfferJobs).runOnce(new Date(Date.now() + 47 * 3600_000));
  expect((await capacityOf(offerId)).vacantPlaces).toBe(0);
  await instances[1].get(OfferJobs).runOnce(new Date(Date.now() + 49 * 3600_000));
  await waitUntil(() => answersFor(offerId).some((e) => e.type === 'ReservationExpired'), { what: 'ReservationExpired' });
  expect(answersFor(offerId).find((e) => e.type === 'ReservationExpired')!.payload).toEqual({ placementId, offerId });
  expect(await capacityOf(offerId)).toEqual({ approvedPlaces: 1, occupiedPlaces: 0, reservedPlaces: 0, vacantPlaces: 1 });
});

it('occupies a place for a start confirmed before its hold ran out that arrives after the expiry, though the place was taken meanwhile', async () => {
  const offerId = await newOffer(1);
  const [late, other] = [randomUUID(), randomUUID()];
  await publish([placementEvent('PlacementRequested', late, offerId)]);
  await waitUntil(() => answersFor(offerId).some((e) => e.type === 'PlaceReserved'), { what: 'the reservation' });
  await instances[1].get(OfferJobs).runOnce(new Date(Date.now() + 49 * 3600_000));
  await waitUntil(() => answersFor(offerId).some((e) => e.type === 'ReservationExpired'), { what: 'ReservationExpired' });
  await publish([placementEvent('PlacementRequested', other, offerId)]);
  await waitUntil(() => answersFor(offerId).some((e) => e.type === 'PlaceReserved' && e.payload.placementId === other), { what: 'the other reservation' });

  // Visitation confirmed `late` now, 48 hours before its deadline; offers reads it only after the expiry.
  await publish([placementEvent('PlacementStarted', late, offerId, 2)]);
  await waitUntil(async () => (await capacityOf(offerId)).occupiedPlaces === 1, { what: 'the start to occupy a place' });
  expect(await capacityOf(offerId)).toEqual({ approvedPlaces: 1, occupiedPlaces: 1, reservedPlaces: 1, vacantPlaces: 0 });
});

it('refuses a closure inside the notice period with the earliest date, and closes on the day of a valid one', async () => {
  const offerId = await newOffer(4);
  const tooEarly = await http('POST', `/offers/${offerId}/closure`, { effectiveDate: new Date(Date.now() + 30 * 86400_000).toISOString().slice(0, 10) });
  expect(tooEarly.status).toBe(422);
  expect(tooEarly.body.violations[0]).toMatchObject({ field: 'effectiveDate', rule: expect.stringMatching(/^notice-/) });
  const earliest: string = tooEarly.body.earliestAllowedDate;
  expect(earliest).toMatch(/^\d{4}-\d{2}-0[1-3]$/);
  // The rule can be read without trying a date: the same earliest date, and the region's months.
  expect((await http('GET', `/offers/${offerId}/notice-rule`)).body).toEqual({ regionCode: expect.stringMatching(/^108[1-5]$/), noticeMonths: 3, earliestEffectiveDate: earliest });

  const announced = await http('POST', `/offers/${offerId}/closure`, { effectiveDate: earliest, reason: 'Bygningen lukker' });
  expect(announced.status).toBe(200);
  expect(announced.body.status).toBe('closure-announced');
  await instances[0].get(OfferJobs).runOnce(new Date(`${earliest}T00:00:00Z`));
  expect((await http('GET', `/offers/${offerId}`)).body).toMatchObject({ status: 'closed', capacity: { approvedPlaces: 0, vacantPlaces: 0 } });
  await waitUntil(() => capacity.events<{ type: string; aggregateId: string }>().some((e) => e.type === 'OfferClosed' && e.aggregateId === offerId), { what: 'OfferClosed' });
  const closure = capacity.events<{ type: string; aggregateId: string; payload: any }>().find((e) => e.type === 'OfferClosureAnnounced' && e.aggregateId === offerId);
  expect(closure?.payload).toEqual({ offerId, effectiveDate: earliest, placementsAffected: 0, reason: 'Bygningen lukker' });
});

it('refuses to lower approved places below occupied plus reserved', async () => {
  const offerId = await newOffer(3);
  await publish([placementEvent('PlacementRequested', randomUUID(), offerId), placementEvent('PlacementRequested', randomUUID(), offerId)]);
  await waitUntil(async () => (await capacityOf(offerId)).reservedPlaces === 2, { what: 'two reservations' });
  const refused = await http('PATCH', `/offers/${offerId}/capacity`, { approvedPlaces: 1 });
  expect(refused.status).toBe(409);
  expect(refused.body).toMatchObject({ violations: [{ field: 'approvedPlaces', rule: 'not-below-occupied-and-reserved' }], minimumApprovedPlaces: 2 });
  expect(await capacityOf(offerId)).toEqual({ approvedPlaces: 3, occupiedPlaces: 0, reservedPlaces: 2, vacantPlaces: 1 });
});

it('keeps vacant = approved - occupied - reserved, never negative, through 1,000 random placement and capacity events (property)', async () => {
  const offerId = await newOffer(6);
  const pool = Array.from({ length: 40 }, () => randomUUID());
  const versions = new Map<string, number>();
  const [steps] = fc.sample(fc.array(fc.oneof(
    { weight: 4, arbitrary: fc.record({ kind: fc.constantFrom('PlacementRequested' as const, 'PlacementStarted' as const, 'PlacementCancelled' as const, 'PlacementEnded' as const), p: fc.integer({ min: 0, max: 39 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('capacity' as const), places: fc.integer({ min: 0, max: 10 }) }) },
  ), { minLength: 1000, maxLength: 1000 }), { numRuns: 1, seed: 4242 });
  const published: string[] = [];
  let batch: ReturnType<typeof placementEvent>[] = [];
  for (const step of steps) {
    if (step.kind === 'capacity') {
      await publish(batch);
      batch = [];
      const r = await http('PATCH', `/offers/${offerId}/capacity`, { approvedPlaces: step.places });
      expect([200, 409]).toContain(r.status);
    } else {
      const id = pool[step.p];
      const version = (versions.get(id) ?? 0) + 1;
      versions.set(id, version);
      const event = placementEvent(step.kind, id, offerId, version);
      batch.push(event);
      published.push(event.eventId);
    }
  }
  await publish(batch);
  const ds = instances[0].get(DataSource);
  await waitUntil(async () => {
    const [{ n }] = await ds.query('SELECT count(*)::int AS n FROM messaging_inbox WHERE event_id = ANY($1::uuid[])', [published]);
    return n === published.length;
  }, { timeoutMs: 90000, what: `${published.length} placement events applied` });

  const [row] = await ds.query('SELECT paragraphs, occupied_places, reserved_places FROM offers WHERE id = $1', [offerId]);
  const holds = await ds.query(`SELECT status, count(*)::int AS n FROM placement_holds WHERE offer_id = $1 GROUP BY status`, [offerId]);
  const count = (status: string) => holds.find((h: { status: string }) => h.status === status)?.n ?? 0;
  const approved = row.paragraphs[0].approvedPlaces;
  expect(row.occupied_places).toBe(count('started'));
  expect(row.reserved_places).toBe(count('reserved'));
  expect(approved - row.occupied_places - row.reserved_places).toBeGreaterThanOrEqual(0);
  expect(await capacityOf(offerId)).toEqual({
    approvedPlaces: approved, occupiedPlaces: row.occupied_places, reservedPlaces: row.reserved_places, vacantPlaces: approved - row.occupied_places - row.reserved_places,
  });
  // Every figure published on the way obeyed the rule too.
  const changes = capacity.events<{ type: string; aggregateId: string; payload: any }>().filter((e) => e.type === 'CapacityChanged' && e.aggregateId === offerId);
  expect(changes.length).toBeGreaterThan(10);
  for (const { payload: { capacity: c } } of changes) {
    expect(c.vacantPlaces).toBe(c.approvedPlaces - c.occupiedPlaces - c.reservedPlaces);
    expect(c.vacantPlaces).toBeGreaterThanOrEqual(0);
  }
});
