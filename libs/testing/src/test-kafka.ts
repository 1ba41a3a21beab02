import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { createKafkaBus, type MessageBus } from '@tilbudsnet/messaging';
import { dockerEngineAvailable } from './docker-available';

const ROOT = join(__dirname, '../../..');
let started: Promise<string> | undefined;

/** Port of the broker tests start for themselves, so they never share npm start's broker. */
export const TEST_KAFKA_BROKERS = '127.0.0.1:19092';

/** The local broker's development password of a SCRAM user (the rule of deploy/local/kafka-users.sh). */
export function devKafkaPassword(user: string): string {
  return `${user}-dev-password`;
}

/**
 * Brokers for integration tests: `KAFKA_BROKERS` when given (npm test sets it); else a Kafka
 * container where a Docker engine answers; else the local broker from deploy/local/kafka.sh.
 */
export function testKafkaBrokers(): Promise<string> {
  started ??= (async () => {
    if (process.env.KAFKA_BROKERS) return process.env.KAFKA_BROKERS;
    if (dockerEngineAvailable()) {
      const { KafkaContainer } = await import('@testcontainers/kafka');
      const container = await new KafkaContainer('confluentinc/cp-kafka:7.7.1').withKraft().start();
      return `${container.getHost()}:${container.getMappedPort(9093)}`;
    }
    await runKafkaScript('start');
    // The local broker wants SASL; tests that are not about access sign in as its admin.
    process.env.KAFKA_SASL_USERNAME ??= 'admin';
    process.env.KAFKA_SASL_PASSWORD ??= devKafkaPassword(process.env.KAFKA_SASL_USERNAME);
    return TEST_KAFKA_BROKERS;
  })();
  return started;
}

/**
 * Starts, stops or kills the local test broker (fault tests kill it on purpose). Asynchronous, so
 * services running in the test process keep serving while the broker starts.
 */
export async function runKafkaScript(command: 'start' | 'stop' | 'kill', env: NodeJS.ProcessEnv = {}): Promise<void> {
  // With KAFKA_BROKERS given (npm test), the broker is the one with-infra.sh runs, in KAFKA_STATE_DIR.
  await promisify(execFile)('bash', [join(ROOT, 'deploy/local/kafka.sh'), command], {
    env: {
      ...process.env,
      KAFKA_BROKERS: process.env.KAFKA_BROKERS ?? TEST_KAFKA_BROKERS,
      KAFKA_CONTROLLER_PORT: process.env.KAFKA_CONTROLLER_PORT ?? '19093',
      KAFKA_STATE_DIR: process.env.KAFKA_STATE_DIR ?? join(ROOT, '.cache/kafka-test'),
      ...env,
    },
  });
}

export async function testBus(clientId = 'test'): Promise<MessageBus> {
  return createKafkaBus({ brokers: (await testKafkaBrokers()).split(','), clientId });
}
