import type { RunningConsole } from '@tilbudsnet/console';
import { ALL_TOPICS, loadExampleEvent, Topics, type EventOf } from '@tilbudsnet/contracts';
import { randomUUID } from 'node:crypto';
import type { BusProducer, MessageBus } from '@tilbudsnet/messaging';
import { testBus, waitUntil } from '@tilbudsnet/testing';
import { DataSource } from 'typeorm';
import { offerRequest } from '../support/demo-offer';
import { call, startConsoleFor, startSystem, type RunningSystem } from '../support/running-system';

/**
 * Findings 4 and 5 of the hardening issue: one message whose value was the JSON `null` on
 * `offers.offer` stopped the console's live updates for good while readiness stayed 200, and a
 * message just under the broker's maximum size could not be dead-lettered, so its partition
 * stopped. Anyone who can reach the broker can write such messages, even on our own topics. Now
 * every consumer, the console's included, dead-letters them and goes on with the next valid event.
 */
let system: RunningSystem;
let consoleApp: RunningConsole;
let bus: MessageBus;
let producer: BusProducer;
const as = (user: string) => system.identity.authFor(user);

/** What an attacker with broker access writes: not JSON, JSON null, a wrong schema, ~1 MB just under the broker's limit. */
const POISON: [string, string][] = [
  ['JSON null', 'null'],
  ['not JSON', '{"this is": not json'],
  ['a number', '42'],
  ['a wrong schema', JSON.stringify({ type: 'CapacityChanged', payload: null })],
  ['an envelope with a null payload', JSON.stringify({ eventId: '00000000-0000-4000-8000-000000000001', type: 'OfferUpdated', version: 1, producer: 'offers', aggregateId: '00000000-0000-4000-8000-000000000002', aggregateVersion: 1, occurredAt: '2026-11-23T00:00:00Z', correlationId: 'x', causationId: 'x', payload: null })],
  ['a value just under the broker maximum (1 MiB)', `"${'x'.repeat(1_048_300)}"`],
];

beforeAll(async () => {
  system = await startSystem('poison');
  consoleApp = await startConsoleFor(system);
  bus = await testBus('attacker');
  producer = await bus.producer();
}, 120_000);

afterAll(async () => {
  await producer?.disconnect();
  await consoleApp?.stop();
  await system?.stop();
});

it('dead-letters bad messages on every topic, and every consumer still applies the next valid event and stays ready', async () => {
  const events: string[] = [];
  const page = await fetch(`${consoleApp.url}/health/ready`);
  expect(page.status).toBe(200);
  const live = consoleApp.live!;
  const original = live.broadcast.bind(live);
  live.broadcast = (update) => { events.push(JSON.stringify(update)); original(update); };

  for (const topic of ALL_TOPICS) {
    await producer.send([{ topic, messages: POISON.map(([, value], i) => ({ key: `poison-${i}`, value, headers: {} })) }]);
  }

  // The next valid events: a new offer (offers → visitation, tariffs, notifications) and its capacity (→ the console).
  const offer = await call(`${system.offers.url}/offers`, 'POST', offerRequest({ name: 'Efter giften' }), await as('manager-aarhus'));
  expect(offer.status).toBe(201);
  const offerId = offer.body.offerId;
  expect((await call(`${system.offers.url}/offers/${offerId}/capacity`, 'PATCH', { approvedPlaces: 11 }, await as('manager-aarhus'))).status).toBe(200);

  const has = (service: 'visitation' | 'tariffs' | 'notifications', sql: string) => async () =>
    (await system[service].app.get(DataSource).query(sql, [offerId])).length === 1;
  await waitUntil(has('visitation', 'SELECT 1 FROM catalogue_offers WHERE offer_id = $1'), { what: 'the offer in visitation', timeoutMs: 60_000 });
  await waitUntil(has('tariffs', 'SELECT 1 FROM tariff_offers WHERE offer_id = $1'), { what: 'the offer in tariffs', timeoutMs: 60_000 });
  await waitUntil(has('notifications', 'SELECT 1 FROM n_offers WHERE offer_id = $1'), { what: 'the offer in notifications', timeoutMs: 60_000 });
  await waitUntil(() => events.some((e) => e.includes(offerId) && e.includes('"approvedPlaces":11')), { what: 'the capacity change on the console\'s live stream', timeoutMs: 60_000 });
  // Offers' own consumer (visitation.placement) and visitation's (offers.reservation): a placement request is answered.
  const officer = { ...(await as('officer-koebenhavn')), 'x-purpose': 'anbringelse' };
  const opened = await call(`${system.visitation.url}/cases`, 'POST', { cpr: '0101801234', name: 'Borger Test', needs: { targetGroups: ['autism'], paragraph: '108', supportLevel: 'medium' } }, officer);
  const placement = await call(`${system.visitation.url}/cases/${opened.body.id}/placements`, 'POST', { offerId, startDate: '2026-12-01' }, officer);
  await waitUntil(async () => (await call(`${system.visitation.url}/placements/${placement.body.id}`, 'GET', undefined, officer)).body.status === 'reserved', { what: 'offers answering the placement request', timeoutMs: 60_000 });

  for (const service of ['offers', 'visitation', 'tariffs', 'notifications'] as const) {
    expect({ service, ready: (await fetch(`${system[service].url}/health/ready`)).status }).toEqual({ service, ready: 200 });
  }
  expect((await fetch(`${consoleApp.url}/health/ready`)).status).toBe(200);
  expect(live.up).toBe(true);
  expect(live.deadLetters).toBeGreaterThanOrEqual(POISON.length);
  const metrics = await (await fetch(`${consoleApp.url}/metrics`)).text();
  expect(metrics).toContain('console_live_updates_up 1');
  expect(metrics).toMatch(/console_dead_letters_total [1-9]/);
  expect(await (await fetch(`${system.visitation.url}/metrics`)).text()).toMatch(/kafka_consumer_up\{group="[^"]+"\} 1/);

  // The dead letters are there, the oversized one as a small record.
  const admin = await as('admin');
  const letters = await call(`${system.visitation.url}/admin/dead-letters?topic=${Topics.offer}`, 'GET', undefined, admin);
  expect(letters.status).toBe(200);
  const details = await Promise.all(letters.body.items.map(async (l: { topic: string; partition: number; offset: string }) =>
    (await call(`${system.visitation.url}/admin/dead-letters/${l.topic}/${l.partition}/${l.offset}`, 'GET', undefined, admin)).body));
  const truncated = details.filter((d: { headers: Record<string, string> }) => d.headers['dlq-truncated'] === 'true');
  expect(truncated.length).toBeGreaterThanOrEqual(1);
  expect(truncated[0].value.length).toBeLessThan(2000);
  expect(truncated[0].headers['dlq-original-size']).toBe(String(1_048_302));
}, 180_000);

it('dead-letters a valid-looking event from a producer that does not own the topic, or on a topic it does not belong on', async () => {
  const example = loadExampleEvent('OfferRegistered') as EventOf<'OfferRegistered'>;
  const forge = (producer: string) => {
    const offerId = randomUUID();
    return { ...example, eventId: randomUUID(), producer, aggregateId: offerId, payload: { offer: { ...example.payload.offer, offerId, name: `Forfalsket ${producer}` } } };
  };
  const fromVisitation = forge('visitation');
  const onWrongTopic = forge('offers');
  await producer.send([
    { topic: Topics.offer, messages: [{ key: fromVisitation.aggregateId, value: JSON.stringify(fromVisitation), headers: {} }] },
    { topic: Topics.placement, messages: [{ key: onWrongTopic.aggregateId, value: JSON.stringify(onWrongTopic), headers: {} }] },
  ]);
  // A real registration after them: once it is in the catalogue, the forged ones were read (and refused) before it on their partitions or not at all.
  const real = await call(`${system.offers.url}/offers`, 'POST', offerRequest({ name: 'Ægte' }), await as('manager-aarhus'));
  const catalogue = system.visitation.app.get(DataSource);
  await waitUntil(async () => (await catalogue.query('SELECT 1 FROM catalogue_offers WHERE offer_id = $1', [real.body.offerId])).length === 1, { what: 'the real offer', timeoutMs: 60_000 });
  const admin = await as('admin');
  await waitUntil(async () => {
    const letters = (await call(`${system.visitation.url}/admin/dead-letters?topic=${Topics.offer}`, 'GET', undefined, admin)).body.items as { reason: string }[];
    return letters.some((l) => l.reason.includes('OfferRegistered from producer visitation'));
  }, { what: 'the forged event dead-lettered', timeoutMs: 30_000 });
  expect(await catalogue.query('SELECT 1 FROM catalogue_offers WHERE offer_id = ANY($1::uuid[])', [[fromVisitation.aggregateId, onWrongTopic.aggregateId]])).toEqual([]);
}, 120_000);
