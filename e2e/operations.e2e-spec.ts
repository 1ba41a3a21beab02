import { createEvent, loadExampleEvent, Topics, type OfferSnapshot } from '@tilbudsnet/contracts';
import { MessagingStats } from '@tilbudsnet/messaging';
import { testBus, waitUntil } from '@tilbudsnet/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { offerRequest } from './support/demo-offer';
import { call, startSystem, type RunningSystem } from './support/running-system';

/**
 * Operations on a running system: a dead letter listed, inspected and replayed after the cause is
 * fixed; a read model rebuilt from its topics with progress, ending equal to the original.
 */
let system: RunningSystem;
const admin = () => system.identity.authFor('admin');

beforeAll(async () => {
  system = await startSystem('operations');
});

afterAll(async () => {
  await system?.stop();
});

/** The contract's example offer under another id, in Nordjylland. */
function snapshot(offerId: string): OfferSnapshot {
  return { ...loadExampleEvent('OfferRegistered').payload.offer, offerId, name: 'Eftersendt', regionCode: '1081', municipalityCode: '0851' };
}

it('lists a dead letter with its reason, shows it whole, and replays it once the cause is fixed', async () => {
  const bus = await testBus('operations');
  const producer = await bus.producer();
  const offerId = randomUUID();
  const cause = { correlationId: randomUUID(), causationId: randomUUID() };
  // A capacity change for an offer visitation has never seen: its catalogue handler refuses it.
  const early = createEvent('offers', {
    type: 'CapacityChanged', aggregateId: offerId, aggregateVersion: 2,
    payload: { offerId, capacity: { approvedPlaces: 8, occupiedPlaces: 1, reservedPlaces: 0, vacantPlaces: 7 }, paragraphs: [{ paragraph: '108', approvedPlaces: 8 }], reason: 'placement-started' },
  }, cause);
  await producer.send([{ topic: Topics.offer, messages: [{ key: offerId, value: JSON.stringify(early), headers: { 'event-id': early.eventId, 'event-type': early.type } }] }]);
  const list = async () => (await call(`${system.visitation.url}/admin/dead-letters?topic=${Topics.offer}`, 'GET', undefined, await admin())).body.items as { eventId: string; status: string; offset: string; partition: number; reason: string; topic: string }[];
  await waitUntil(async () => (await list()).some((l) => l.eventId === early.eventId), { what: 'the dead letter in the list' });
  const letter = (await list()).find((l) => l.eventId === early.eventId)!;
  expect(letter).toMatchObject({ topic: `${Topics.offer}.dlq`, status: 'unresolved', reason: expect.stringContaining('never registered') });
  // The other services did not dead-letter it, so their lists do not show it.
  expect((await call(`${system.tariffs.url}/admin/dead-letters`, 'GET', undefined, await admin())).body.items.some((l: { eventId: string }) => l.eventId === early.eventId)).toBe(false);

  const whole = await call(`${system.visitation.url}/admin/dead-letters/${letter.topic}/${letter.partition}/${letter.offset}`, 'GET', undefined, await admin());
  expect(whole.status).toBe(200);
  expect(JSON.parse(whole.body.value)).toMatchObject({ eventId: early.eventId, type: 'CapacityChanged' });
  expect(whole.body.headers).toMatchObject({ 'dlq-original-topic': Topics.offer, 'event-id': early.eventId });

  // The fix: the registration arrives. Then the replay applies the capacity change.
  const registered = createEvent('offers', { type: 'OfferRegistered', aggregateId: offerId, aggregateVersion: 1, payload: { offer: snapshot(offerId) } }, cause);
  await producer.send([{ topic: Topics.offer, messages: [{ key: offerId, value: JSON.stringify(registered) }] }]);
  const catalogue = system.visitation.app.get(DataSource);
  await waitUntil(async () => (await catalogue.query('SELECT 1 FROM catalogue_offers WHERE offer_id = $1', [offerId])).length === 1, { what: 'the registration in the catalogue' });
  const replay = await call(`${system.visitation.url}/admin/dead-letters/replay`, 'POST', { topic: Topics.offer, partition: letter.partition, offset: letter.offset }, await admin());
  expect(replay.body).toEqual({ replayed: 1 });
  await waitUntil(async () => (await catalogue.query("SELECT (snapshot->'capacity'->>'occupiedPlaces')::int AS occupied FROM catalogue_offers WHERE offer_id = $1", [offerId]))[0]?.occupied === 1, { what: 'the replayed change applied' });
  await waitUntil(async () => (await list()).find((l) => l.eventId === early.eventId)?.status === 'resolved', { what: 'the dead letter resolved' });
  // Replaying again sends nothing: it is resolved.
  expect((await call(`${system.visitation.url}/admin/dead-letters/replay`, 'POST', { topic: Topics.offer }, await admin())).body).toEqual({ replayed: 0 });
  await producer.disconnect();
});

it('rebuilds visitation\'s catalogue from the topics with progress, ending where it was, and keeps consuming afterwards', async () => {
  const manager = await system.identity.authFor('manager-aarhus');
  const offers: string[] = [];
  for (let i = 0; i < 5; i++) offers.push((await call(`${system.offers.url}/offers`, 'POST', offerRequest({ name: `Genopbyg ${i}` }), manager)).body.offerId);
  await call(`${system.offers.url}/offers/${offers[0]}/capacity`, 'PATCH', { approvedPlaces: 20 }, manager);
  const catalogue = system.visitation.app.get(DataSource);
  const rows = () => catalogue.query('SELECT offer_id, snapshot, version, region_code, paragraphs, target_groups, status, vacant_places, lat, lon FROM catalogue_offers ORDER BY offer_id');
  const approved = async (offerId: string) => (await catalogue.query("SELECT (snapshot->'capacity'->>'approvedPlaces')::int AS approved FROM catalogue_offers WHERE offer_id = $1", [offerId]))[0]?.approved;
  await waitUntil(async () => (await approved(offers[0])) === 20, { what: 'the catalogue' });
  // History the rebuild must read as the live consumer did: the last event of an offer is a change
  // older than the offer's state (its version is the registration's), twice. A rebuild writes no
  // inbox rows for the catalogue's events: only the versions keep it from undoing the newer change.
  const history = await (await testBus('operations-history')).producer();
  const stale = createEvent('offers', {
    type: 'CapacityChanged', aggregateId: offers[0], aggregateVersion: 1,
    payload: { offerId: offers[0], capacity: { approvedPlaces: 99, occupiedPlaces: 0, reservedPlaces: 0, vacantPlaces: 99 }, paragraphs: [{ paragraph: '108', approvedPlaces: 99 }], reason: 'placement-started' },
  }, { correlationId: randomUUID(), causationId: randomUUID() });
  await history.send([{ topic: Topics.offer, messages: [0, 1].map(() => ({ key: offers[0], value: JSON.stringify(stale), headers: { 'event-id': stale.eventId, 'event-type': stale.type } })) }]);
  await history.disconnect();
  await waitUntil(async () => (await catalogue.query('SELECT 1 FROM messaging_inbox WHERE event_id = $1', [stale.eventId])).length === 1, { what: 'the stale change read' });
  expect(await approved(offers[0])).toBe(20);
  const before = await rows();
  expect(before.length).toBeGreaterThanOrEqual(6);

  // A second member in visitation's group (another replica) would write into the emptied tables: refused.
  const bus = await testBus('operations-replica');
  const group = system.visitation.app.get(MessagingStats).consumer!.group;
  const replica = bus.consumer({ groupId: group, sessionTimeoutMs: 6000, heartbeatIntervalMs: 500 });
  await replica.start([Topics.supply], false, async () => undefined);
  const refused = await call(`${system.visitation.url}/admin/read-models/catalogue/rebuild`, 'POST', undefined, await admin());
  expect(refused.status).toBe(409);
  expect(refused.body.violations?.[0] ?? refused.body).toMatchObject({ rule: 'one-replica-while-rebuilding' });
  await replica.stop();
  const members = async () => { const a = await bus.admin(); try { return await a.groupMembers(group); } finally { await a.disconnect(); } };
  await waitUntil(async () => (await members()) === 1, { what: 'the other member gone', timeoutMs: 30000 });

  const started = await call(`${system.visitation.url}/admin/read-models/catalogue/rebuild`, 'POST', undefined, await admin());
  expect(started.status).toBe(202);
  expect(started.body).toMatchObject({ name: 'catalogue', state: 'running' });
  expect((await call(`${system.visitation.url}/admin/read-models/catalogue/rebuild`, 'POST', undefined, await admin())).status).toBe(409);
  const status = async () => (await call(`${system.visitation.url}/admin/read-models`, 'GET', undefined, await admin())).body.items[0];
  await waitUntil(async () => (await status()).state === 'done', { what: 'the rebuild to end' });
  const done = await status();
  expect(done).toMatchObject({ state: 'done', percent: 100, topics: [Topics.offer, Topics.tariff] });
  expect(done.processed).toBe(done.total);
  expect(done.total).toBeGreaterThanOrEqual(before.length);
  expect(await rows()).toEqual(before);
  expect(await approved(offers[0])).toBe(20);

  // The live consumer is back: a new offer reaches the catalogue.
  const after = (await call(`${system.offers.url}/offers`, 'POST', offerRequest({ name: 'Efter genopbygning' }), manager)).body.offerId;
  await waitUntil(async () => (await catalogue.query('SELECT 1 FROM catalogue_offers WHERE offer_id = $1', [after])).length === 1, { what: 'a new offer after the rebuild' });
});
