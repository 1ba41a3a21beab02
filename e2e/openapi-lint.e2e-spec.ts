import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startSystem, type RunningSystem } from './support/running-system';

/**
 * Each service's API explains itself: the generated OpenAPI documents pass Spectral (`spectral:oas`)
 * and Redocly (`recommended`) with no error and no warning, under the rulesets in the repository
 * (.spectral.yaml, redocly.yaml).
 */
const ROOT = resolve(__dirname, '..');
let system: RunningSystem;
let dir: string;
const documents: Record<string, any> = {};
const SERVICES = ['offers', 'visitation', 'tariffs', 'notifications'] as const;

beforeAll(async () => {
  system = await startSystem('openapi');
  dir = mkdtempSync(join(tmpdir(), 'tilbudsnet-openapi-'));
  for (const service of SERVICES) {
    const document = await (await fetch(`${system[service].url}/docs-json`)).json();
    documents[service] = document;
    writeFileSync(join(dir, `${service}.json`), JSON.stringify(document, null, 2));
  }
}, 120_000);

afterAll(async () => {
  await system?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function run(bin: string, args: string[]): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [resolve(ROOT, 'node_modules', bin), ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' } });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

it.each(SERVICES)('%s: Spectral (spectral:oas) finds no error and no warning', (service) => {
  const result = run('@stoplight/spectral-cli/dist/index.js', ['lint', '--ruleset', '.spectral.yaml', '--fail-severity', 'warn', '--format', 'text', join(dir, `${service}.json`)]);
  expect(result.output.trim().split('\n').filter((l) => /\b(error|warning)\b/.test(l))).toEqual([]);
  expect(result.status).toBe(0);
}, 120_000);

it.each(SERVICES)('%s: Redocly (recommended) finds no error and no warning', (service) => {
  const result = run('@redocly/cli/bin/cli.js', ['lint', '--config', 'redocly.yaml', '--format', 'stylish', join(dir, `${service}.json`)]);
  expect(result.output.split('\n').filter((l) => /\b(error|warning)\b/i.test(l) && !/Node\.js|deprecat/i.test(l))).toEqual([]);
  expect(result.status).toBe(0);
}, 120_000);

it('documents every operation with a summary, a description, a tag, its security and its error answers', () => {
  for (const service of SERVICES) {
    const document = documents[service];
    expect(document.servers).toEqual([expect.objectContaining({ url: expect.stringMatching(/^http/) })]);
    for (const [path, item] of Object.entries<Record<string, any>>(document.paths)) {
      for (const [method, op] of Object.entries<any>(item)) {
        const where = `${service} ${method.toUpperCase()} ${path}`;
        expect({ where, summary: typeof op.summary, description: typeof op.description, tags: op.tags?.length > 0 }).toEqual({ where, summary: 'string', description: 'string', tags: true });
        expect({ where, errors: Object.keys(op.responses).some((s) => s.startsWith('4')) }).toEqual({ where, errors: true });
        if (!/^\/(health|metrics)/.test(path)) expect({ where, security: op.security }).toEqual({ where, security: [{ bearer: [] }] });
      }
    }
  }
});
