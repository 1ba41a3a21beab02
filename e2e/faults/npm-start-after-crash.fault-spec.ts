import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createTestDatabase, testKafkaBrokers, uniqueGroupId, waitUntil, type TestDatabase } from '@tilbudsnet/testing';

/**
 * `npm start` as a developer runs it, on ports, databases and a run folder of its own, against the
 * test broker: a service killed with SIGKILL comes back by itself (its supervisor), and `npm start`
 * run again after a crash whose pid file now names somebody else's live process starts the service
 * again instead of calling it "already running".
 */
const ROOT = resolve(__dirname, '../..');
const SERVICES = ['offers', 'visitation', 'tariffs', 'notifications', 'console'] as const;
const PORTS = { console: 3700, offers: 3701, visitation: 3702, tariffs: 3703, notifications: 3704, identity: 3710 };
let run: string;
const databases: TestDatabase[] = [];
let env: NodeJS.ProcessEnv;

function npm(script: 'start' | 'stop'): Promise<{ code: number | null; output: string }> {
  return new Promise((done, fail) => {
    const child = spawn('npm', [script], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = setTimeout(() => { child.kill('SIGKILL'); fail(new Error(`npm ${script} did not return in 240 s:\n${output}`)); }, 240_000);
    child.on('exit', (code) => { clearTimeout(timer); done({ code, output }); });
  });
}

const pidIn = (file: string) => Number(readFileSync(join(run, file), 'utf8').trim());
/** Alive and not a zombie: an orphan killed here may wait for a reaper that never comes. */
const alive = (pid: number) => {
  try {
    return !/^\d+ \(.*\) [ZX]/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
};
const listening = (address: string) => new Promise<boolean>((done) => {
  const [host, port] = address.split(',')[0].split(':');
  const socket = connect(Number(port), host, () => { socket.destroy(); done(true); });
  socket.on('error', () => done(false));
});
const ready = async (port: number) => (await fetch(`http://127.0.0.1:${port}/health/ready`).catch(() => null))?.status === 200;

beforeAll(async () => {
  run = mkdtempSync(join(tmpdir(), 'tilbudsnet-run-'));
  const db: Record<string, string> = {};
  for (const service of ['offers', 'visitation', 'tariffs', 'notifications']) {
    const d = await createTestDatabase(`npmstart_${service}`);
    databases.push(d);
    db[`${service.toUpperCase()}_DATABASE_URL`] = d.url;
  }
  env = {
    ...process.env, ...db, TILBUDSNET_RUN_DIR: run,
    // The test broker is already up; a state folder of our own means npm start uses it and npm stop leaves it alone.
    KAFKA_BROKERS: await testKafkaBrokers(), KAFKA_STATE_DIR: join(run, 'kafka'), KAFKA_TOPIC_PREFIX: `${uniqueGroupId('npmstart')}.`,
    OFFERS_CONSUMER_GROUP: uniqueGroupId('npmstart-offers'), VISITATION_CONSUMER_GROUP: uniqueGroupId('npmstart-visitation'),
    TARIFFS_CONSUMER_GROUP: uniqueGroupId('npmstart-tariffs'), NOTIFICATIONS_CONSUMER_GROUP: uniqueGroupId('npmstart-notifications'),
    CONSOLE_PORT: String(PORTS.console), OFFERS_PORT: String(PORTS.offers), VISITATION_PORT: String(PORTS.visitation), TARIFFS_PORT: String(PORTS.tariffs),
    NOTIFICATIONS_PORT: String(PORTS.notifications), IDENTITY_PORT: String(PORTS.identity), MAIL_CATCHER_SMTP_PORT: '3725', MAIL_CATCHER_HTTP_PORT: '3780',
    DEMO_OFFERS: '3', LOG_LEVEL: 'warn',
  };
  const first = await npm('start');
  if (first.code !== 0) throw new Error(`npm start failed (${first.code}):\n${first.output}`);
  expect(first.output).toContain('offers: starting');
}, 300_000);

afterAll(async () => {
  if (env) await npm('stop');
  if (run) rmSync(run, { recursive: true, force: true });
  for (const d of databases) await d.drop();
}, 120_000);

it('brings every service up, each under its supervisor', async () => {
  for (const service of SERVICES) expect(await ready(PORTS[service])).toBe(true);
  for (const name of [...SERVICES, 'identity', 'mail-catcher']) expect(alive(pidIn(`${name}.pid`))).toBe(true);
});

it('starts a service killed with SIGKILL again by itself', async () => {
  const killed = pidIn('offers.child-pid');
  process.kill(killed, 'SIGKILL');
  await waitUntil(async () => !(await ready(PORTS.offers)) || pidIn('offers.child-pid') !== killed, { what: 'offers down', timeoutMs: 10_000 });
  await waitUntil(async () => pidIn('offers.child-pid') !== killed && (await ready(PORTS.offers)), { what: 'offers back without npm start', timeoutMs: 90_000 });
  expect(readFileSync(join(run, 'offers.log'), 'utf8')).toContain('offers exited (signal SIGKILL); restarting in 1 s');
}, 120_000);

it('starts the service again when npm start finds a pid file naming a process that is not ours', async () => {
  // The crash: supervisor and service die at once; the pid number is since reused by another live process.
  const supervisor = pidIn('visitation.pid');
  const child = pidIn('visitation.child-pid');
  process.kill(supervisor, 'SIGKILL');
  process.kill(child, 'SIGKILL');
  await waitUntil(async () => !(await ready(PORTS.visitation)), { what: 'visitation down', timeoutMs: 10_000 });
  writeFileSync(join(run, 'visitation.pid'), String(process.pid)); // alive, answers kill -0, and is not ours

  const again = await npm('start');
  if (again.code !== 0) throw new Error(`npm start failed (${again.code}):\n${again.output}`);
  expect(again.output).toContain(`visitation: pid ${process.pid} in ${run}/visitation.pid is not running (or not ours); starting it again`);
  expect(again.output).toMatch(/offers: already running \(supervisor pid \d+, port 3701\)/);
  expect(again.output).toContain('visitation: ready');
  expect(await ready(PORTS.visitation)).toBe(true);
  expect(pidIn('visitation.pid')).not.toBe(process.pid);
  expect(alive(pidIn('visitation.pid'))).toBe(true);
}, 300_000);

it('stops everything it started with npm stop, and nothing else', async () => {
  const pids = [...SERVICES, 'identity', 'mail-catcher'].flatMap((n) => [pidIn(`${n}.pid`), pidIn(`${n}.child-pid`)]);
  const stopped = await npm('stop');
  expect(stopped.code).toBe(0);
  await waitUntil(async () => pids.every((p) => !alive(p)), { what: 'every process stopped', timeoutMs: 20_000 });
  expect(existsSync(join(run, 'offers.pid'))).toBe(false);
  expect(await listening(env.KAFKA_BROKERS!)).toBe(true); // the test broker was not npm start's to stop
}, 120_000);
