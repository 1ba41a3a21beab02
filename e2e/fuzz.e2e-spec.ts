import { ROLES } from '@tilbudsnet/auth';
import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { offerRequest } from './support/demo-offer';
import { startSystem, type RunningSystem } from './support/running-system';

/**
 * Every HTTP endpoint of offers, visitation, tariffs and notifications, read from its OpenAPI description and
 * called with generated parameters, bodies and callers: no answer is a 5xx, and an answer that
 * rejects the request (4xx) leaves every table of the service as it was.
 */
let system: RunningSystem;
const RUNS_PER_OPERATION = Number(process.env.FUZZ_RUNS ?? 40);

beforeAll(async () => {
  system = await startSystem('fuzz');
  // Something for ids to hit now and then.
  await fetch(`${system.offers.url}/offers`, {
    method: 'POST', body: JSON.stringify(offerRequest({ name: 'Fuzz' })),
    headers: { 'content-type': 'application/json', ...(await system.identity.authFor('manager-aarhus')) },
  });
});

afterAll(async () => {
  await system?.stop();
});

type Operation = { method: string; path: string; parameters: { name: string; in: string; schema?: { type?: string; enum?: unknown[] } }[]; body?: { properties?: Record<string, unknown> } };

async function operationsOf(url: string): Promise<Operation[]> {
  const doc = (await fetch(`${url}/docs-json`).then((r) => r.json())) as any;
  const resolve = (schema: any) => (schema?.$ref ? doc.components.schemas[schema.$ref.split('/').pop()] : schema);
  const out: Operation[] = [];
  for (const [path, methods] of Object.entries<any>(doc.paths)) {
    for (const [method, op] of Object.entries<any>(methods)) {
      out.push({ method: method.toUpperCase(), path, parameters: op.parameters ?? [], body: resolve(op.requestBody?.content?.['application/json']?.schema) });
    }
  }
  return out;
}

/** JSON nested 5,000 arrays deep: generated as a marker, written out as text (the test's own JSON.stringify would overflow). */
const DEEP = '\u0001deep-json\u0001';
const DEEP_TEXT = `${'['.repeat(5000)}1${']'.repeat(5000)}`;
/** Percent-encoding as an attacker sends it: a lone surrogate goes as its (invalid) UTF-8 bytes, %ED%A0%80. */
const encode = (text: string) => [...text].map((ch) => (/[\uD800-\uDFFF]/.test(ch) ? '%ED%A0%80' : encodeURIComponent(ch))).join('');
const serialise = (value: unknown) => JSON.stringify(value).replaceAll(JSON.stringify(DEEP), DEEP_TEXT);

const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.string({ maxLength: 30 }), fc.integer(), fc.double({ noNaN: false }), fc.boolean(), fc.constant(null), fc.uuid(),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)), fc.array(fc.string({ maxLength: 8 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 3 }), fc.constantFrom('0101', '108', 'autism', '-1', '1e309', '../..', '%00'),
  // The bad-input classes an outside fuzzer found 5xx with: impossible calendar dates, numbers
  // beyond 64 bits, NUL and lone surrogates, JSON nested thousands deep.
  fc.constantFrom('2027-02-30', '0000-01-01', '2026-02-29', '9999-12-31', '99999999999999999999999', '-99999999999999999999', 'a\u0000b', '\u0000', 'x\uD800y', '\uDC00'),
  fc.constantFrom(1e30, -1e30, 2 ** 64, Number.MAX_SAFE_INTEGER + 2),
  fc.constant(DEEP),
);

function requestArbitrary(op: Operation) {
  const params = Object.fromEntries(op.parameters.map((p) => [`${p.in}:${p.name}`,
    p.schema?.enum ? fc.oneof(fc.constantFrom(...p.schema.enum), anyValue) : anyValue]));
  const keys = Object.keys(op.body?.properties ?? {});
  const body = keys.length
    ? fc.oneof(fc.dictionary(fc.constantFrom(...keys), anyValue, { maxKeys: keys.length }), fc.anything({ maxDepth: 2 }))
    : fc.option(fc.anything({ maxDepth: 2 }), { nil: undefined });
  return fc.record({ params: fc.record(params as Record<string, fc.Arbitrary<unknown>>), body, caller: fc.constantFrom(...ROLES, 'nobody'), purpose: fc.boolean() });
}

const USERS: Record<string, string> = {
  'visitation-officer': 'officer-koebenhavn', 'offer-manager': 'manager-aarhus', 'kkr-secretariat': 'kkr-midtjylland', auditor: 'auditor-koebenhavn', admin: 'admin',
};

async function tableCounts(ds: DataSource): Promise<Record<string, number>> {
  const tables: { table_name: string }[] = await ds.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations' ORDER BY 1`);
  const [row] = await ds.query(`SELECT ${tables.map((t) => `(SELECT count(*)::int FROM "${t.table_name}") AS "${t.table_name}"`).join(', ')}`);
  return row;
}

it.each(['offers', 'visitation', 'tariffs', 'notifications'] as const)('answers no generated request to %s with a 5xx, and a rejected one changes nothing', async (service) => {
  const url = system[service].url;
  const ds = system[service].app.get(DataSource);
  const operations = (await operationsOf(url)).filter((op) => !/^\/(docs|health|metrics)/.test(op.path));
  expect(operations.length).toBeGreaterThan(3);
  const failures: string[] = [];
  let rejected = 0;
  const statuses: Record<number, number> = {};
  for (const op of operations) {
    const samples = fc.sample(requestArbitrary(op), { numRuns: RUNS_PER_OPERATION, seed: 20261123 });
    for (const sample of samples) {
      let path = op.path;
      const query: string[] = [];
      for (const [key, value] of Object.entries(sample.params)) {
        const [where, name] = key.split(':');
        const text = value === DEEP ? DEEP_TEXT : typeof value === 'string' ? value : serialise(value);
        if (where === 'path') path = path.replace(`{${name}}`, encode(text));
        else if (where === 'query') query.push(`${encode(name)}=${encode(text)}`);
      }
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (sample.caller !== 'nobody') Object.assign(headers, await system.identity.authFor(USERS[sample.caller]));
      if (sample.purpose) headers['x-purpose'] = 'fuzz';
      const before = await tableCounts(ds);
      const response = await fetch(`${url}${path}?${query.join('&')}`, {
        method: op.method, headers, body: op.method === 'GET' || sample.body === undefined ? undefined : serialise(sample.body),
      });
      const text = await response.text();
      const line = `${op.method} ${path}?${query.join('&').slice(0, 200)} as ${sample.caller} -> ${response.status} ${text.slice(0, 200)}`;
      statuses[response.status] = (statuses[response.status] ?? 0) + 1;
      if (response.status >= 500) failures.push(line);
      if (response.status >= 400 && response.status < 500) {
        rejected++;
        const after = await tableCounts(ds);
        if (JSON.stringify(after) !== JSON.stringify(before)) failures.push(`changed tables: ${line}`);
      } else if (op.method !== 'GET') {
        await new Promise((r) => setTimeout(r, 1500)); // let what it set off settle before the next check
      }
    }
  }
  if (process.env.FUZZ_REPORT) console.log(JSON.stringify({ service, operations: operations.map((o) => `${o.method} ${o.path}`), rejected, statuses }));
  expect(failures).toEqual([]);
  expect(rejected).toBeGreaterThan(operations.length);
});
