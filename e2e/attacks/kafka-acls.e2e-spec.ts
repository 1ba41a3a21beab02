import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { loadExampleEvent, Topics } from '@tilbudsnet/contracts';
import { createKafkaBus, type KafkaPrincipal, type MessageBus } from '@tilbudsnet/messaging';
import { devKafkaPassword, testKafkaBrokers, uniqueGroupId, waitUntil } from '@tilbudsnet/testing';

/**
 * Finding 6 of the hardening issue, at the broker: anyone who could reach Kafka could publish a
 * valid-looking `CapacityChanged` on offers' topic. Now the broker takes only SASL/SCRAM sign-ins
 * and each service principal may write only its own topics and read only what it consumes
 * (libs/messaging/src/access/kafka-access.ts, granted by deploy/local/kafka-provision.ts, the same
 * script npm start runs). The consumers' producer check is the second line (poison-messages).
 */
const ROOT = join(__dirname, '../..');
const prefix = `${uniqueGroupId('acl')}.`;
let brokers: string[];

const busAs = (username: string, password = devKafkaPassword(username)): MessageBus =>
  createKafkaBus({ brokers, clientId: `acl-test-${username}`, topicPrefix: prefix, security: { sasl: { mechanism: 'scram-sha-512', username, password } } });

/** A forged capacity change: a valid event with a version far ahead of the real ones. */
function forgedCapacityChange(): { key: string; value: string } {
  const event = loadExampleEvent('CapacityChanged');
  return { key: event.aggregateId, value: JSON.stringify({ ...event, eventId: randomUUID(), aggregateVersion: 1_000_000 }) };
}

/** Resolves with the broker's error type, or 'accepted'. */
async function publish(principal: string, topic: string, password?: string): Promise<string> {
  const bus = busAs(principal, password);
  try {
    const producer = await bus.producer();
    try {
      await producer.send([{ topic, messages: [forgedCapacityChange()] }]);
      return 'accepted';
    } finally {
      await producer.disconnect().catch(() => undefined);
    }
  } catch (error) {
    const e = error as { type?: string; name?: string; message?: string };
    return e.type ?? e.name ?? String(e.message);
  }
}

beforeAll(async () => {
  brokers = (await testKafkaBrokers()).split(',');
  await promisify(execFile)('node', ['-r', './deploy/local/register.js', 'deploy/local/kafka-provision.ts'], {
    cwd: ROOT,
    env: { ...process.env, KAFKA_BROKERS: brokers.join(','), KAFKA_TOPIC_PREFIX: prefix, KAFKA_SASL_USERNAME: 'admin', KAFKA_SASL_PASSWORD: devKafkaPassword('admin') },
  });
}, 120_000);

it('lets offers publish on its own topic (the control: the rules do not refuse everything)', async () => {
  expect(await publish('offers', Topics.offer)).toBe('accepted');
}, 60_000);

it.each<[KafkaPrincipal, string]>([
  ['visitation', Topics.offer],
  ['tariffs', Topics.offer],
  ['notifications', Topics.reservation],
  ['console', Topics.offer],
  ['offers', Topics.settlement],
])('refuses a forged event from %s on %s at the broker', async (principal, topic) => {
  expect(await publish(principal, topic)).toBe('TOPIC_AUTHORIZATION_FAILED');
}, 60_000);

it('lets a consumer dead-letter what it reads, and nothing else', async () => {
  expect(await publish('console', `${Topics.offer}.dlq`)).toBe('accepted');
  expect(await publish('console', `${Topics.reservation}.dlq`)).toBe('TOPIC_AUTHORIZATION_FAILED');
}, 60_000);

it('refuses a sign-in with a wrong password, and a client without one', async () => {
  expect(await publish('offers', Topics.offer, 'guessed-password')).toMatch(/SASL_AUTHENTICATION_FAILED|KafkaJSSASLAuthenticationError/);
  const anonymous = createKafkaBus({ brokers, clientId: 'acl-test-anonymous', topicPrefix: prefix, security: {} });
  const outcome = await anonymous.producer().then(async (p) => {
    await p.send([{ topic: Topics.offer, messages: [forgedCapacityChange()] }]);
    return 'accepted';
  }, (error: Error) => error.name);
  expect(outcome).not.toBe('accepted');
}, 60_000);

/** How many messages `principal` reads from the start of `topic` within `ms`. */
async function readWithin(principal: KafkaPrincipal, topic: string, ms: number): Promise<number> {
  let read = 0;
  const consumer = busAs(principal).consumer({ groupId: `${principal}-acl-${randomUUID().slice(0, 8)}`, sessionTimeoutMs: 6000, heartbeatIntervalMs: 500 });
  consumer.onCrash(() => undefined);
  const started = consumer.start([topic], true, async () => { read++; }).catch(() => undefined);
  await waitUntil(() => read > 0, { timeoutMs: ms }).catch(() => undefined);
  await consumer.stop().catch(() => undefined);
  await Promise.race([started, new Promise((r) => setTimeout(r, 1000))]);
  return read;
}

it('refuses to let a service read a topic it does not consume', async () => {
  // A settlement is on the topic (written by tariffs); notifications consumes settlements, offers never does.
  expect(await publish('tariffs', Topics.settlement)).toBe('accepted');
  expect(await readWithin('notifications', Topics.settlement, 30_000)).toBeGreaterThan(0);
  expect(await readWithin('offers', Topics.settlement, 15_000)).toBe(0);
}, 90_000);
