import { runKafkaScript, waitUntil } from '@tilbudsnet/testing';
import { DataSource } from 'typeorm';
import { offerRequest } from '../support/demo-offer';
import { call, startSystem, type RunningSystem } from '../support/running-system';

/**
 * The Kafka broker dies (SIGKILL) in the middle of a burst of 1,000 capacity changes and comes
 * back. Offers keeps taking changes (they wait in its outbox); nothing is lost, nothing is applied
 * twice, and the services recover without anyone touching them.
 */
let system: RunningSystem;

beforeAll(async () => {
  system = await startSystem('faults');
});

afterAll(async () => {
  await runKafkaScript('start'); // whatever happened, leave a broker behind for what follows
  await system?.stop();
});

it('loses nothing and applies nothing twice when the broker is killed and restarted during 1,000 capacity changes', async () => {
  const auth = await system.identity.authFor('manager-aarhus');
  const created = await call(`${system.offers.url}/offers`, 'POST', offerRequest({ name: 'Fault' }), auth);
  const id = created.body.offerId;
  const visitation = system.visitation.app.get(DataSource);
  const catalogueVersion = async () => (await visitation.query('SELECT version, snapshot FROM catalogue_offers WHERE offer_id = $1', [id]))[0];
  await waitUntil(async () => (await catalogueVersion()) !== undefined, { what: 'the offer in the catalogue' });

  const values = Array.from({ length: 1000 }, (_, i) => 1 + ((i * 13) % 150));
  let killedAt = 0;
  let restartedAt = 0;
  for (const [i, approvedPlaces] of values.entries()) {
    if (i === 300) { await runKafkaScript('kill'); killedAt = Date.now(); }
    if (i === 700) { await runKafkaScript('start'); restartedAt = Date.now(); }
    const r = await call(`${system.offers.url}/offers/${id}/capacity`, 'PATCH', { approvedPlaces }, auth);
    expect(r.status).toBe(200); // offers takes changes while the broker is away
  }
  expect(restartedAt).toBeGreaterThan(killedAt);

  await waitUntil(async () => (await catalogueVersion()).version === 1001, { timeoutMs: 120000, intervalMs: 200, what: 'the last change in the catalogue' });
  const recoveredMs = Date.now() - restartedAt;
  expect((await catalogueVersion()).snapshot.capacity.approvedPlaces).toBe(values[values.length - 1]);

  // Every event published, each applied exactly once by visitation.
  const offers = system.offers.app.get(DataSource);
  const [{ unpublished }] = await offers.query('SELECT count(*)::int AS unpublished FROM messaging_outbox WHERE published_at IS NULL');
  expect(unpublished).toBe(0);
  const eventIds: string[] = (await offers.query(`SELECT event_id FROM messaging_outbox WHERE envelope->>'aggregateId' = $1 AND envelope->>'type' = 'CapacityChanged'`, [id])).map((r: { event_id: string }) => r.event_id);
  expect(eventIds).toHaveLength(1000);
  const applied = await visitation.query('SELECT event_id FROM messaging_inbox WHERE event_id = ANY($1::uuid[])', [eventIds]);
  expect(applied).toHaveLength(1000);
  const ready = await call(`${system.visitation.url}/health/ready`, 'GET');
  expect(ready.status).toBe(200);
  console.log(JSON.stringify({ fault: 'broker-killed', events: 1000, brokerDownMs: restartedAt - killedAt, recoveredAfterRestartMs: recoveredMs }));
});
