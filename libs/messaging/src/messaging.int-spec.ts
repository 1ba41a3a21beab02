import { createEvent, deadLetterTopic, loadExampleEvent, Topics, type EventOf } from '@tilbudsnet/contracts';
import { createTestDatabase, EventCollector, testBus, testKafkaBrokers, uniqueGroupId, waitUntil, type TestDatabase } from '@tilbudsnet/testing';
import { createKafkaBus } from './bus/kafka-bus';
import { readToEnd } from './replay/read-to-end';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { MessageBus } from './bus/message-bus';
import { EventContext } from './consumer/event-context';
import { KafkaEventTransport } from './consumer/kafka-event-transport';
import { MessagingNotifyOrigin1764100000000 } from './migrations/messaging-notify-origin.migration';
import { MessagingRetention1763900000000 } from './migrations/messaging-retention.migration';
import { MessagingTables1763800000000 } from './migrations/messaging-tables.migration';
import { appendToOutbox } from './outbox/append-to-outbox';
import { OutboxRelay } from './outbox/outbox-relay';
import { TransactionalOutbox } from './outbox/transactional-outbox';

/**
 * The guarantees of architecture.md on a real broker and database: outbox publishing survives a
 * crash, duplicates have one effect, bad messages are dead-lettered without blocking.
 * The consumer's effect is a row per applied event in `effects`.
 */
let db: TestDatabase;
let dataSource: DataSource;
let bus: MessageBus;
let consumer: KafkaEventTransport;
const consumerGroup = uniqueGroupId('messaging');
/** Event ids the test handler always fails on. */
const poisonEvents = new Set<string>();

function capacityChanged(offerId: string, approvedPlaces: number, aggregateVersion: number): EventOf<'CapacityChanged'> {
  const example = loadExampleEvent('CapacityChanged');
  return createEvent('offers', {
    type: 'CapacityChanged', aggregateId: offerId, aggregateVersion,
    payload: {
      ...example.payload, offerId,
      capacity: { approvedPlaces, occupiedPlaces: 0, reservedPlaces: 0, vacantPlaces: approvedPlaces },
      paragraphs: [{ paragraph: '108', approvedPlaces }],
    },
  }, { correlationId: randomUUID(), causationId: randomUUID() });
}

async function effectsFor(offerId: string): Promise<{ event_id: string; approved: number }[]> {
  return dataSource.query('SELECT event_id, approved FROM effects WHERE offer_id = $1 ORDER BY seq', [offerId]);
}

async function publishRaw(value: string, key: string): Promise<void> {
  const producer = await bus.producer();
  await producer.send([{ topic: Topics.offer, messages: [{ key, value }] }]);
  await producer.disconnect();
}

beforeAll(async () => {
  db = await createTestDatabase('messaging');
  // Named like a service instance's connections (`instanceApplicationName`): the relay's NOTIFYs carry the name.
  dataSource = new DataSource({
    type: 'postgres', url: db.url, applicationName: 'messaging-test-a',
    migrations: [MessagingTables1763800000000, MessagingRetention1763900000000, MessagingNotifyOrigin1764100000000],
  });
  await dataSource.initialize();
  await dataSource.runMigrations();
  await dataSource.query('CREATE TABLE effects (seq serial PRIMARY KEY, event_id uuid NOT NULL, offer_id text NOT NULL, approved int NOT NULL)');
  bus = await testBus('messaging-test');
  consumer = new KafkaEventTransport({ bus, dataSource, consumerGroup, sessionTimeoutMs: 6000, maxAttempts: 3, retryBaseMs: 20 });
  consumer.addHandler('CapacityChanged', async (event: EventOf<'CapacityChanged'>, ctx: EventContext) => {
    if (poisonEvents.has(event.eventId)) throw new Error('this handler always fails for the poison offer');
    await ctx.manager.query('INSERT INTO effects (event_id, offer_id, approved) VALUES ($1, $2, $3)', [
      event.eventId, event.aggregateId, event.payload.capacity.approvedPlaces,
    ]);
  }, true);
  await new Promise<void>((resolve, reject) => consumer.listen((error?: unknown) => (error ? reject(error) : resolve())));
});

afterAll(async () => {
  await consumer?.close();
  await dataSource?.destroy();
  await db?.drop();
});

describe('one outbox API', () => {
  const outboxed = async (eventId: string) => (await dataSource.query('SELECT 1 FROM messaging_outbox WHERE event_id = $1', [eventId])).length === 1;

  it('wakes the relay when a transaction that appended commits, whoever opened it, and only then', async () => {
    let nudges = 0;
    const outbox = new TransactionalOutbox(dataSource, { nudge: () => nudges++ });

    // A transaction someone else opened, as the inbox opens one around an event handler.
    const appended = capacityChanged(randomUUID(), 3, 1);
    await dataSource.transaction(async (manager) => {
      await outbox.append(manager, [appended]);
      expect(nudges).toBe(0); // before the commit the relay would find nothing and sleep a poll
    });
    expect(nudges).toBe(1);
    expect(await outboxed(appended.eventId)).toBe(true);

    // A rollback publishes nothing and wakes nobody.
    const rolledBack = capacityChanged(randomUUID(), 4, 1);
    await expect(dataSource.transaction(async (manager) => {
      await outbox.append(manager, [rolledBack]);
      throw new Error('the use case failed');
    })).rejects.toThrow('the use case failed');
    expect(nudges).toBe(1);
    expect(await outboxed(rolledBack.eventId)).toBe(false);

    // A transaction that wrote no event wakes nobody; a use case run through the outbox does.
    await dataSource.transaction((manager) => manager.query('SELECT 1'));
    expect(nudges).toBe(1);
    const ran = capacityChanged(randomUUID(), 5, 1);
    await expect(outbox.run(async () => ({ result: 'done', events: [ran] }))).resolves.toBe('done');
    expect(nudges).toBe(2);
    expect(await outboxed(ran.eventId)).toBe(true);

    // Appended in a nested transaction (a savepoint): its release is no commit; the outer commit wakes.
    const nested = capacityChanged(randomUUID(), 6, 1);
    await dataSource.transaction(async (manager) => {
      await manager.transaction((inner) => outbox.append(inner, [nested]));
      expect(nudges).toBe(2);
    });
    expect(nudges).toBe(3);
    expect(await outboxed(nested.eventId)).toBe(true);
  });

  it('refuses events outside a transaction, where they could be saved without their state change', async () => {
    const outbox = new TransactionalOutbox(dataSource, null);
    const event = capacityChanged(randomUUID(), 6, 1);
    await expect(outbox.append(dataSource.manager, [event])).rejects.toThrow('inside a transaction');
    expect(await outboxed(event.eventId)).toBe(false);
  });
});

describe('transactional outbox', () => {
  it('publishes an event committed just before the process died, once it restarts, with one downstream effect', async () => {
    const offerId = randomUUID();
    const event = capacityChanged(offerId, 7, 1);
    // The "process" commits its state change and event, then dies: no relay ever ran.
    await dataSource.transaction((manager) => appendToOutbox(manager, [event]));
    await new Promise((r) => setTimeout(r, 500));
    expect(await effectsFor(offerId)).toEqual([]);

    // After restart a relay finds the committed row and publishes it.
    const relay = new OutboxRelay(dataSource, bus, { service: `outbox-test-${offerId}`, idleMs: 20 });
    relay.start();
    try {
      await waitUntil(async () => (await effectsFor(offerId)).length > 0, { what: 'the downstream effect' });
      const [{ published }] = await dataSource.query('SELECT published_at IS NOT NULL AS published FROM messaging_outbox WHERE event_id = $1', [event.eventId]);
      expect(published).toBe(true);
    } finally {
      await relay.stop();
    }
    expect(await effectsFor(offerId)).toEqual([{ event_id: event.eventId, approved: 7 }]);
  });

  it('publishes again after a crash between the broker ack and marking the row, and the effect still happens once', async () => {
    const offerId = randomUUID();
    const event = capacityChanged(offerId, 9, 1);
    await dataSource.transaction((manager) => appendToOutbox(manager, [event]));
    const relay = new OutboxRelay(dataSource, bus, { service: `outbox-test-${offerId}` });
    expect(await relay.publishBatch()).toBeGreaterThanOrEqual(1);
    // The crash: the broker has the message, but the row has no published_at yet (the relay marks
    // a batch with its next statement), and this relay never runs again.
    const [{ published }] = await dataSource.query('SELECT published_at IS NOT NULL AS published FROM messaging_outbox WHERE event_id = $1', [event.eventId]);
    expect(published).toBe(false);
    const restarted = new OutboxRelay(dataSource, bus, { service: `outbox-test-${offerId}` });
    expect(await restarted.publishBatch()).toBeGreaterThanOrEqual(1);
    await restarted.stop();
    await relay.stop();

    const topic = await new EventCollector(bus, [Topics.offer], true).start();
    try {
      await topic.waitFor((ms) => ms.filter((m) => m.key === offerId).length === 2, 20000, 'both deliveries on the topic');
    } finally {
      await topic.stop();
    }
    await waitUntil(async () => (await effectsFor(offerId)).length > 0, { what: 'the effect' });
    await new Promise((r) => setTimeout(r, 500));
    expect(await effectsFor(offerId)).toEqual([{ event_id: event.eventId, approved: 9 }]);
  });

  it('marks what it published when it stops cleanly, so a restart does not publish it again', async () => {
    const offerId = randomUUID();
    const event = capacityChanged(offerId, 4, 1);
    await dataSource.transaction((manager) => appendToOutbox(manager, [event]));
    const relay = new OutboxRelay(dataSource, bus, { service: `outbox-test-${offerId}` });
    expect(await relay.publishBatch()).toBeGreaterThanOrEqual(1); // sent; its mark rides on the next batch
    await relay.stop();
    const [{ published }] = await dataSource.query('SELECT published_at IS NOT NULL AS published FROM messaging_outbox WHERE event_id = $1', [event.eventId]);
    expect(published).toBe(true);
  });

  it('keeps the given order in the outbox for thousands of events appended at once (the publishing order)', async () => {
    const offerId = randomUUID();
    // 2,500 versions of one offer: more than one multi-row insert, and each must leave after the one before.
    const events = Array.from({ length: 2500 }, (_, i) => capacityChanged(offerId, 1 + (i % 40), i + 1));
    await dataSource.transaction((manager) => appendToOutbox(manager, events));
    const rows: { event_id: string }[] = await dataSource.query('SELECT event_id FROM messaging_outbox WHERE message_key = $1 ORDER BY id', [offerId]);
    expect(rows.map((r) => r.event_id)).toEqual(events.map((e) => e.eventId));
    await dataSource.query('DELETE FROM messaging_outbox WHERE message_key = $1', [offerId]);
  });

  it('refuses to write an event that breaks its contract, and the transaction rolls back', async () => {
    const event = capacityChanged(randomUUID(), 3, 1);
    (event.payload.capacity as { vacantPlaces: number }).vacantPlaces = -1;
    await expect(dataSource.transaction((m) => appendToOutbox(m, [event]))).rejects.toThrow(/payload.capacity.vacantPlaces/);
    expect(await dataSource.query('SELECT 1 FROM messaging_outbox WHERE event_id = $1', [event.eventId])).toEqual([]);
  });

  it('lets only one relay per service publish (advisory lock)', async () => {
    const a = new OutboxRelay(dataSource, bus, { service: 'lock-test', idleMs: 20, standbyMs: 50 });
    const b = new OutboxRelay(dataSource, bus, { service: 'lock-test', idleMs: 20, standbyMs: 50 });
    a.start();
    await waitUntil(() => a.isLeader, { what: 'the first relay to lead' });
    b.start();
    await new Promise((r) => setTimeout(r, 300));
    expect([a.isLeader, b.isLeader]).toEqual([true, false]);
    await a.stop();
    await waitUntil(() => b.isLeader, { what: 'the standby relay to take over' });
    await b.stop();
  });
});

describe('idempotent consumer', () => {
  it('applies an event delivered twice only once', async () => {
    const offerId = randomUUID();
    const event = capacityChanged(offerId, 4, 1);
    await publishRaw(JSON.stringify(event), offerId);
    await publishRaw(JSON.stringify(event), offerId);
    const marker = capacityChanged(offerId, 5, 2);
    await publishRaw(JSON.stringify(marker), offerId);
    // The marker comes after both copies on the same partition: once it is applied, both were seen.
    await waitUntil(async () => (await effectsFor(offerId)).length === 2, { what: 'the marker event' });
    expect(await effectsFor(offerId)).toEqual([
      { event_id: event.eventId, approved: 4 },
      { event_id: marker.eventId, approved: 5 },
    ]);
  });
});

describe('dead letters', () => {
  it('dead-letters a malformed message and one whose handler always throws, and goes on with the next', async () => {
    const offerId = randomUUID();
    const dlq = await new EventCollector(bus, [deadLetterTopic(Topics.offer)]).start();
    try {
      const poison = capacityChanged(offerId, 1, 1);
      poisonEvents.add(poison.eventId);
      const good = capacityChanged(offerId, 2, 2);
      // All four share a key, so they share a partition: the good one waits behind the bad ones.
      await publishRaw('{"this is": not json', offerId);
      await publishRaw(JSON.stringify({ ...poison, eventId: 'not-a-uuid' }), offerId);
      await publishRaw(JSON.stringify(poison), offerId);
      await publishRaw(JSON.stringify(good), offerId);

      await waitUntil(async () => (await effectsFor(offerId)).length === 1, { what: 'the valid message after the bad ones' });
      // Other tests' consumers share the broker: count only this consumer group's letters.
      const ours = (m: { key: string | null; headers: Record<string, string> }) => m.key === offerId && m.headers['dlq-consumer-group'] === consumerGroup;
      const letters = await dlq.waitFor((ms) => ms.filter(ours).length === 3, 30000, 'three dead letters');
      const mine = letters.filter(ours);
      expect(mine.map((m) => m.headers['dlq-reason'])).toEqual([
        expect.stringMatching(/^malformed JSON/),
        expect.stringMatching(/^invalid envelope: eventId/),
        expect.stringMatching(/^CapacityChanged handler failed after 3 attempt\(s\): this handler always fails/),
      ]);
      expect(mine[0].value).toBe('{"this is": not json');
      expect(JSON.parse(mine[2].value ?? '')).toEqual(poison);
      expect(mine[2].headers).toMatchObject({ 'dlq-original-topic': Topics.offer, 'dlq-attempts': '3' });
      expect(await effectsFor(offerId)).toEqual([{ event_id: good.eventId, approved: 2 }]);
    } finally {
      await dlq.stop();
    }
  });
});

describe('batch consumption', () => {
  async function publishAll(events: unknown[], key: string): Promise<void> {
    const producer = await bus.producer();
    await producer.send([{ topic: Topics.offer, messages: events.map((e) => ({ key, value: JSON.stringify(e) })) }]);
    await producer.disconnect();
  }

  it('applies what one fetch brings in one transaction, in order, each event once (a copy inside the batch too)', async () => {
    const offerId = randomUUID();
    const events = Array.from({ length: 60 }, (_, i) => capacityChanged(offerId, i + 1, i + 1));
    await publishAll([...events.slice(0, 30), events[10], ...events.slice(30)], offerId);
    await waitUntil(async () => (await effectsFor(offerId)).length >= 60, { what: 'sixty effects' });
    await new Promise((r) => setTimeout(r, 300)); // a second effect of the copy would land by now
    expect((await effectsFor(offerId)).map((e) => e.approved)).toEqual(events.map((_, i) => i + 1));
    // Rows written by one transaction share its id (xmin): event by event there would be 60.
    const [{ transactions }] = await dataSource.query('SELECT count(DISTINCT xmin::text)::int AS transactions FROM effects WHERE offer_id = $1', [offerId]);
    expect(transactions).toBeLessThanOrEqual(3);
  });

  it('isolates a failing event: the rest of its batch is applied in order, the failing one dead-lettered alone', async () => {
    const offerId = randomUUID();
    const dlq = await new EventCollector(bus, [deadLetterTopic(Topics.offer)]).start();
    try {
      const events = Array.from({ length: 20 }, (_, i) => capacityChanged(offerId, i + 1, i + 1));
      poisonEvents.add(events[7].eventId);
      await publishAll(events, offerId);
      await waitUntil(async () => (await effectsFor(offerId)).length >= 19, { what: 'the nineteen good events' });
      expect((await effectsFor(offerId)).map((e) => e.approved)).toEqual(events.filter((_, i) => i !== 7).map((_, i, all) => all[i].payload.capacity.approvedPlaces));
      const letters = await dlq.waitFor((ms) => ms.some((m) => m.key === offerId && m.headers['dlq-consumer-group'] === consumerGroup), 30000, 'the dead letter');
      const mine = letters.filter((m) => m.key === offerId && m.headers['dlq-consumer-group'] === consumerGroup);
      expect(mine).toHaveLength(1);
      expect(JSON.parse(mine[0].value ?? '').eventId).toBe(events[7].eventId);
    } finally {
      await dlq.stop();
    }
  });
});

describe('outbox relay', () => {
  it('wakes on a commit made by another instance (another replica) without waiting for its poll, and not on its own instance\'s echo', async () => {
    const offerId = randomUUID();
    const collector = await new EventCollector(bus, [Topics.offer]).start();
    const relay = new OutboxRelay(dataSource, bus, { service: `listen-test-${offerId}`, idleMs: 120_000 });
    relay.start();
    const other = new DataSource({ type: 'postgres', url: db.url, applicationName: 'messaging-test-b' });
    await other.initialize();
    const insert = (on: DataSource, event: EventOf<'CapacityChanged'>) => on.query(
      `INSERT INTO messaging_outbox (event_id, topic, message_key, envelope, headers) VALUES ($1, $2, $3, $4, '{}')`, [event.eventId, Topics.offer, offerId, JSON.stringify(event)]);
    try {
      await waitUntil(() => relay.isLeader, { what: 'the relay to lead' });
      await new Promise((r) => setTimeout(r, 300)); // the relay is asleep now, for two minutes unless woken
      // Written through the relay's own instance's connections without TransactionalOutbox (so no
      // in-process nudge): the NOTIFY names this instance, and the relay takes it for an echo.
      const own = capacityChanged(offerId, 2, 1);
      await insert(dataSource, own);
      await new Promise((r) => setTimeout(r, 1000));
      expect(collector.messages.filter((m) => m.key === offerId)).toEqual([]);
      // Written as another replica would: no in-process nudge can reach this relay; its NOTIFY does.
      await insert(other, capacityChanged(offerId, 3, 2));
      await collector.waitFor((ms) => ms.filter((m) => m.key === offerId).length === 2, 20_000, 'both events published after the other replica\'s NOTIFY');
    } finally {
      await relay.stop();
      await other.destroy();
      await collector.stop();
    }
  }, 60_000);

  it('prunes published outbox rows past their retention and inbox rows past theirs, and keeps the rest', async () => {
    const relay = new OutboxRelay(dataSource, bus, { service: 'prune-test', outboxRetentionMs: 3_600_000, inboxRetentionMs: 14 * 86_400_000 });
    const ids = { oldPublished: randomUUID(), oldUnpublished: randomUUID(), newPublished: randomUUID(), oldInbox: randomUUID(), newInbox: randomUUID() };
    const outboxRow = (id: string, age: string, published: boolean) => dataSource.query(
      `INSERT INTO messaging_outbox (event_id, topic, message_key, envelope, headers, created_at, published_at)
       VALUES ($1, 'prune.test', 'k', '{}', '{}', now() - $2::interval, ${published ? 'now() - $2::interval' : 'NULL'})`, [id, age]);
    await outboxRow(ids.oldPublished, '2 hours', true);
    await outboxRow(ids.oldUnpublished, '2 hours', false);
    await outboxRow(ids.newPublished, '10 minutes', true);
    await dataSource.query(`INSERT INTO messaging_inbox (consumer_group, event_id, event_type, processed_at) VALUES ('prune', $1, 'X', now() - interval '15 days'), ('prune', $2, 'X', now() - interval '13 days')`, [ids.oldInbox, ids.newInbox]);
    const deleted = await relay.prune();
    expect(deleted.outbox).toBeGreaterThanOrEqual(1);
    const left = async (table: string, id: string) => (await dataSource.query(`SELECT 1 FROM ${table} WHERE event_id = $1`, [id])).length === 1;
    expect(await left('messaging_outbox', ids.oldPublished)).toBe(false);
    expect(await left('messaging_outbox', ids.oldUnpublished)).toBe(true); // never published: never pruned
    expect(await left('messaging_outbox', ids.newPublished)).toBe(true);
    expect(await left('messaging_inbox', ids.oldInbox)).toBe(false);
    expect(await left('messaging_inbox', ids.newInbox)).toBe(true);
    await dataSource.query(`DELETE FROM messaging_outbox WHERE topic = 'prune.test'`);
  });
});

describe('reading a topic to its end', () => {
  it('reads a topic larger than one fetch exactly once and stops at its end', async () => {
    const prefixed = createKafkaBus({ brokers: (await testKafkaBrokers()).split(','), clientId: 'read-to-end-test', topicPrefix: `${uniqueGroupId('rte')}.` });
    const admin = await prefixed.admin();
    await admin.ensureTopics([{ topic: Topics.offer, partitions: 2 }]);
    await admin.disconnect();
    const producer = await prefixed.producer();
    const value = 'x'.repeat(900);
    for (let batch = 0; batch < 5; batch++) {
      await producer.send([{ topic: Topics.offer, messages: Array.from({ length: 1000 }, (_, i) => ({ key: String(i % 7), value: `${batch * 1000 + i}:${value}` })) }]);
    }
    await producer.disconnect();
    const seen = new Map<string, number>();
    const progress = await readToEnd(prefixed, [Topics.offer], async (m) => { const n = m.value!.split(':')[0]; seen.set(n, (seen.get(n) ?? 0) + 1); });
    expect(progress).toEqual({ total: 5000, processed: 5000 });
    expect(seen.size).toBe(5000);
    expect([...seen.values()].every((n) => n === 1)).toBe(true);
  }, 60_000);
});

describe('committed offsets', () => {
  it('commits what was handled within a second while running, and at once on a clean stop: the next member of the group reads on from there', async () => {
    const prefixed = createKafkaBus({ brokers: (await testKafkaBrokers()).split(','), clientId: 'offsets-test', topicPrefix: `${uniqueGroupId('offsets')}.` });
    const admin = await prefixed.admin();
    await admin.ensureTopics([{ topic: Topics.offer, partitions: 1 }]);
    const producer = await prefixed.producer();
    const group = uniqueGroupId('offsets');
    const send = (values: string[]) => producer.send([{ topic: Topics.offer, messages: values.map((value) => ({ key: 'k', value })) }]);
    try {
      const first: string[] = [];
      const running = prefixed.consumer({ groupId: group, sessionTimeoutMs: 6000 });
      await running.start([Topics.offer], true, async (m) => { first.push(m.value!); });
      await send(['a', 'b', 'c']);
      await waitUntil(() => first.length === 3, { timeoutMs: 20_000 });
      // Handled and not stopped: the group's offset follows within the commit interval.
      await waitUntil(async () => (await admin.consumerLag(group, [Topics.offer]))[0]?.lag === 0, { timeoutMs: 10_000 });
      await send(['d']);
      await waitUntil(() => first.length === 4, { timeoutMs: 20_000 });
      await running.stop(); // commits 'd' at once, though the interval has not come round
      expect(await admin.consumerLag(group, [Topics.offer])).toEqual([{ topic: Topics.offer, partition: 0, lag: 0 }]);

      const second: string[] = [];
      const next = prefixed.consumer({ groupId: group, sessionTimeoutMs: 6000 });
      await next.start([Topics.offer], true, async (m) => { second.push(m.value!); });
      await send(['e']);
      await waitUntil(() => second.includes('e'), { timeoutMs: 20_000 });
      await next.stop();
      expect(second).toEqual(['e']);
    } finally {
      await producer.disconnect();
      await admin.disconnect();
    }
  }, 90_000);
});
