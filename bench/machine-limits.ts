// What this machine can do at all, measured in the same run as the system's figures, so every
// benchmark prints its figure beside the limit: PostgreSQL's own `pgbench -N` (simple updates, one
// commit each) on the same server, and Kafka's own ProducerPerformance and EndToEndLatency (from the
// kafka-tools artifact on Maven Central, deploy/local/kafka-tools/pom.xml) on the same broker.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createKafkaBus } from '@tilbudsnet/messaging';
import { createTestDatabase } from '@tilbudsnet/testing';

const run = promisify(execFile);
const ROOT = join(__dirname, '..');
const TOOLS = join(ROOT, '.cache/kafka/tools');

export interface MachineLimits {
  pgbenchTps: number;
  producer: { perSecond: number; p50: number; p99: number };
  endToEnd: { p50: number; p99: number };
}

async function fetchTools(): Promise<void> {
  if (existsSync(join(TOOLS, '.complete'))) return;
  mkdirSync(TOOLS, { recursive: true });
  await run('mvn', ['-q', '-B', 'dependency:copy-dependencies', `-DoutputDirectory=${TOOLS}`], { cwd: join(ROOT, 'deploy/local/kafka-tools') });
  writeFileSync(join(TOOLS, '.complete'), '');
}

/** A Java client's settings for the benchmark broker: SASL/SCRAM like every other client. */
function clientConfig(): string {
  const file = join(TOOLS, 'client.properties');
  const user = process.env.KAFKA_SASL_USERNAME;
  writeFileSync(file, user
    ? ['security.protocol=SASL_PLAINTEXT', 'sasl.mechanism=SCRAM-SHA-512',
      `sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="${user}" password="${process.env.KAFKA_SASL_PASSWORD ?? ''}";`].join('\n')
    : '');
  return file;
}

/** `pgbench -N` (TPC-B without the two contended updates): the database's commit rate for small writes. */
export async function pgbenchTps(clients = 8, seconds = 15): Promise<number> {
  const db = await createTestDatabase('bench_pgbench');
  try {
    await run('pgbench', ['-i', '-q', '-s', '10', db.url]);
    const { stdout } = await run('pgbench', ['-N', '-c', String(clients), '-j', '2', '-T', String(seconds), db.url]);
    const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(stdout) ?? /tps = ([\d.]+)/.exec(stdout);
    if (!tps) throw new Error(`pgbench printed no tps:\n${stdout}`);
    return Number(tps[1]);
  } finally {
    await db.drop();
  }
}

async function limitTopics(brokers: string): Promise<{ perf: string; latency: string }> {
  const names = { perf: `bench-limits-perf-${Date.now()}`, latency: `bench-limits-latency-${Date.now()}` };
  const admin = await createKafkaBus({ brokers: brokers.split(','), clientId: 'bench-limits', topicPrefix: '' }).admin();
  await admin.ensureTopics([{ topic: names.perf, partitions: 3 }, { topic: names.latency, partitions: 1 }]);
  await admin.disconnect();
  return names;
}

/** Kafka's ProducerPerformance: 600-byte records, acks=all, idempotent, as fast as the broker takes them. */
export async function kafkaProducerPerformance(brokers: string, topic: string, records = 300_000): Promise<MachineLimits['producer']> {
  const { stdout } = await run('java', ['-Xmx512m', '-cp', `${TOOLS}/*`, 'org.apache.kafka.tools.ProducerPerformance',
    '--topic', topic, '--num-records', String(records), '--record-size', '600', '--throughput', '-1',
    '--producer-props', `bootstrap.servers=${brokers}`, 'acks=all', 'enable.idempotence=true', 'linger.ms=5',
    '--producer.config', clientConfig()], { maxBuffer: 64 * 1024 * 1024 });
  const last = stdout.trim().split('\n').pop() ?? '';
  const m = /([\d.]+) records\/sec .*?([\d.]+) ms 50th, ([\d.]+) ms 95th, ([\d.]+) ms 99th/.exec(last);
  if (!m) throw new Error(`ProducerPerformance printed: ${last}`);
  return { perSecond: Number(m[1]), p50: Number(m[2]), p99: Number(m[4]) };
}

/** Kafka's EndToEndLatency: one 600-byte record at a time, produce (acks=all) to consume. */
export async function kafkaEndToEndLatency(brokers: string, topic: string, records = 5000): Promise<MachineLimits['endToEnd']> {
  const { stdout } = await run('java', ['-Xmx512m', '-cp', `${TOOLS}/*`, 'org.apache.kafka.tools.EndToEndLatency',
    brokers, topic, String(records), 'all', '600', clientConfig()], { maxBuffer: 64 * 1024 * 1024 });
  const m = /Percentiles: 50th = ([\d.]+), 99th = ([\d.]+)/.exec(stdout);
  if (!m) throw new Error(`EndToEndLatency printed: ${stdout.slice(-500)}`);
  return { p50: Number(m[1]), p99: Number(m[2]) };
}

export async function measureMachineLimits(brokers: string): Promise<MachineLimits> {
  await fetchTools();
  const topics = await limitTopics(brokers);
  const pg = await pgbenchTps();
  const producer = await kafkaProducerPerformance(brokers, topics.perf);
  const endToEnd = await kafkaEndToEndLatency(brokers, topics.latency);
  return { pgbenchTps: pg, producer, endToEnd };
}

export function printLimits(limits: MachineLimits): void {
  console.log('limits of this machine, measured now:');
  console.log(`  pgbench -N (8 clients, same PostgreSQL):           ${limits.pgbenchTps.toFixed(0)} transactions/s`);
  console.log(`  Kafka ProducerPerformance (600 B, acks=all, idem.): ${limits.producer.perSecond.toFixed(0)} records/s, p50 ${limits.producer.p50} ms, p99 ${limits.producer.p99} ms`);
  console.log(`  Kafka EndToEndLatency (600 B, acks=all):           p50 ${limits.endToEnd.p50} ms, p99 ${limits.endToEnd.p99} ms`);
}

if (require.main === module) {
  measureMachineLimits(process.env.KAFKA_BROKERS ?? '127.0.0.1:19092').then(printLimits).then(() => process.exit(0), (error) => {
    console.error(error);
    process.exit(1);
  });
}
