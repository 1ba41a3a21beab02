import { readdirSync, readFileSync } from 'node:fs';
import type { Client } from 'pg';

/**
 * What a phase of a benchmark cost the machine, independent of how fast it happened to run (latency
 * on a shared 2-vCPU VM varies run to run; these do not): CPU of the whole machine (every process:
 * services, Kafka, PostgreSQL, the load generator) from /proc/stat, and transactions committed in
 * each database (pg_stat_database, flushed by PostgreSQL within about a second).
 */
export interface CostMark { cpuMs: number; commits: Record<string, number>; byProcess: Record<string, number> }

/** Which part of the system a process is: a service by its main script, Kafka, PostgreSQL, or this benchmark. */
function partOf(pid: string, comm: string, cmdline: string): string | null {
  if (pid === String(process.pid)) return 'load generator';
  if (comm === 'postgres') return 'postgresql';
  if (comm === 'java' && cmdline.includes('kafka')) return 'kafka';
  return /services\/(\w+)\/src\/main\.ts/.exec(cmdline)?.[1] ?? null;
}

/** CPU ms (user + system) of each part of the system, summed over its processes now alive. */
function cpuByPart(): Record<string, number> {
  const parts: Record<string, number> = {};
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const part = partOf(pid, comm, readFileSync(`/proc/${pid}/cmdline`, 'utf8'));
      if (!part) continue;
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parts[part] = (parts[part] ?? 0) + ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime
    } catch {
      // the process ended meanwhile
    }
  }
  return parts;
}

function machineCpuMs(): number {
  const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
  const [user, nice, system, , , irq, softirq, steal] = fields.map(Number);
  return ((user + nice + system + irq + softirq + steal) * 1000) / 100; // USER_HZ is 100 on Linux
}

export async function markCost(databases: Record<string, Client>): Promise<CostMark> {
  const commits: Record<string, number> = {};
  for (const [name, db] of Object.entries(databases)) {
    const { rows } = await db.query('SELECT xact_commit::bigint AS n FROM pg_stat_database WHERE datname = current_database()');
    commits[name] = Number(rows[0].n);
  }
  return { cpuMs: machineCpuMs(), commits, byProcess: cpuByPart() };
}

/**
 * "machine CPU x ms per change; transactions per change: offers a, visitation b, …" (or per `unit`) between two
 * marks, less the transactions the benchmark itself made in a database (`own`, its polling queries).
 */
export function costLine(from: CostMark, to: CostMark, changes: number, own: Record<string, number> = {}, unit = 'change'): string {
  const per = (n: number) => (n / changes).toFixed(2);
  const commits = Object.keys(to.commits).map((name) => `${name} ${per(to.commits[name] - from.commits[name] - (own[name] ?? 0))}`).join(', ');
  const parts = Object.keys(to.byProcess).sort().map((part) => `${part} ${per(to.byProcess[part] - (from.byProcess[part] ?? 0))}`).join(', ');
  return `machine CPU ${per(to.cpuMs - from.cpuMs)} ms per ${unit} (${parts}); database transactions per ${unit}: ${commits}`;
}

/**
 * What one HTTP request costs the machine when the service does nothing with it (`GET /health/live`:
 * no token, no database, no Kafka): the floor under every request of the API, framework and
 * loopback only. `concurrency` clients send `requests` in all; per request, machine CPU and the
 * service's own share.
 */
export async function emptyRequestCost(url: string, service: string, requests = 2000, concurrency = 8): Promise<{ machineMs: number; serviceMs: number }> {
  for (let i = 0; i < 200; i++) await fetch(url).then((r) => r.text()); // warm
  const from = await markCost({});
  let sent = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (sent < requests) {
      sent++;
      await fetch(url).then((r) => r.text());
    }
  }));
  const to = await markCost({});
  return { machineMs: (to.cpuMs - from.cpuMs) / requests, serviceMs: ((to.byProcess[service] ?? 0) - (from.byProcess[service] ?? 0)) / requests };
}
