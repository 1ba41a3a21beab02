import { waitUntil } from '@tilbudsnet/testing';
import { randomUUID } from 'node:crypto';
import { offerRequest } from './support/demo-offer';
import { call, startSystem, type RunningSystem } from './support/running-system';

/**
 * One correlation id, given on an HTTP request to offers, is found in offers' request log line
 * and in the log lines of visitation and tariffs that applied the event it caused; tokens never
 * reach a log line.
 */
let system: RunningSystem;
const lines: Record<string, unknown>[] = [];
const write = process.stdout.write.bind(process.stdout);

beforeAll(async () => {
  process.env.LOG_LEVEL = 'info';
  process.stdout.write = ((chunk: unknown, ...rest: unknown[]) => {
    for (const line of String(chunk).split('\n')) {
      if (line.startsWith('{')) {
        try {
          lines.push(JSON.parse(line));
        } catch {
          // not one of ours
        }
      }
    }
    return write(chunk as never, ...(rest as []));
  }) as never;
  system = await startSystem('correlation');
});

afterAll(async () => {
  process.stdout.write = write as never;
  await system?.stop();
});

it('follows one correlation id from an HTTP request to the log lines of two other services', async () => {
  const correlationId = `trace-${randomUUID()}`;
  const auth = await system.identity.authFor('manager-aarhus');
  const created = await call(`${system.offers.url}/offers`, 'POST', offerRequest({ name: 'Sporbar' }), { ...auth, 'x-correlation-id': correlationId });
  expect(created.status).toBe(201);

  const of = (service: string) => lines.filter((l) => l.service === service && l.correlationId === correlationId);
  await waitUntil(() => of('visitation').length > 0 && of('tariffs').length > 0, { timeoutMs: 30000, what: 'the id in visitation\'s and tariffs\' logs' });

  expect(of('offers')).toContainEqual(expect.objectContaining({ req: expect.objectContaining({ method: 'POST', url: '/offers' }), res: { statusCode: 201 } }));
  for (const service of ['visitation', 'tariffs']) {
    expect(of(service)).toContainEqual(expect.objectContaining({
      level: 'info', msg: 'event applied', eventType: 'OfferRegistered', aggregateId: created.body.offerId, causationId: correlationId,
    }));
  }
  const token = auth.authorization.slice('Bearer '.length);
  expect(JSON.stringify(lines)).not.toContain(token);
});

it('shows consumer lag, outbox backlog and HTTP latency by route on /metrics of each service', async () => {
  for (const service of ['offers', 'visitation', 'tariffs'] as const) {
    const metrics = await call(`${system[service].url}/metrics`, 'GET');
    expect(metrics.status).toBe(200);
    expect(metrics.body).toMatch(/^outbox_backlog_events \d+$/m);
    expect(metrics.body).toMatch(/^outbox_oldest_unpublished_age_seconds [\d.]+$/m);
    expect(metrics.body).toMatch(/^kafka_consumer_lag\{group="test-correlation-[\w-]+",topic="[\w.]+",partition="\d"\} \d+$/m);
  }
  const offers = (await call(`${system.offers.url}/metrics`, 'GET')).body;
  expect(offers).toMatch(/^http_request_duration_seconds_count\{method="POST",route="\/offers",status="201"\} [1-9]\d*$/m);
  const visitation = (await call(`${system.visitation.url}/metrics`, 'GET')).body;
  expect(visitation).toMatch(/^events_handled_total\{type="OfferRegistered",outcome="applied"\} [1-9]\d*$/m);
});
