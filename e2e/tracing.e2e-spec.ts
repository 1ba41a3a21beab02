import { trace } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { waitUntil } from '@tilbudsnet/testing';
import { offerRequest } from './support/demo-offer';
import { call, startSystem, type RunningSystem } from './support/running-system';

/**
 * Traces across HTTP and Kafka: one request to offers, and the consumer spans in visitation,
 * tariffs and notifications belong to the caller's trace, through the outbox and the broker. The
 * OpenTelemetry SDK is the real one; only its exporter keeps spans in memory for the assertions.
 */
const exporter = new InMemorySpanExporter();
const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
let system: RunningSystem;

beforeAll(async () => {
  provider.register();
  system = await startSystem('tracing');
});

afterAll(async () => {
  await system?.stop();
  await provider.shutdown();
  trace.disable();
});

it('continues the caller\'s trace from the HTTP request through Kafka into the consumers of three services', async () => {
  const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
  const created = await call(`${system.offers.url}/offers`, 'POST', offerRequest({ name: 'Sporbo' }), {
    ...(await system.identity.authFor('manager-aarhus')), traceparent: `00-${traceId}-00f067aa0ba902b7-01`,
  });
  expect(created.status).toBe(201);
  const inTrace = () => exporter.getFinishedSpans().filter((s: ReadableSpan) => s.spanContext().traceId === traceId);
  await waitUntil(() => inTrace().filter((s) => s.name === 'process OfferRegistered').length >= 3, { what: 'three consumer spans in the trace' });

  const server = inTrace().find((s) => s.name === 'POST /offers')!;
  expect(server).toBeDefined();
  expect(server.parentSpanContext?.spanId).toBe('00f067aa0ba902b7');
  const consumers = inTrace().filter((s) => s.name === 'process OfferRegistered');
  expect(consumers.map((s) => s.attributes['messaging.consumer.group.name']).sort()).toEqual([
    expect.stringContaining('-notifications-'), expect.stringContaining('-tariffs-'), expect.stringContaining('-visitation-'),
  ]);
  // Each consumer span is a child of the request's server span: the context went through the outbox and the headers.
  for (const span of consumers) expect(span.parentSpanContext?.spanId).toBe(server.spanContext().spanId);
  // Spans of another request are in another trace.
  const other = await call(`${system.offers.url}/offers`, 'POST', offerRequest({ name: 'Andetbo' }), await system.identity.authFor('manager-aarhus'));
  expect(other.status).toBe(201);
  await waitUntil(() => exporter.getFinishedSpans().filter((s) => s.name === 'process OfferRegistered' && s.spanContext().traceId !== traceId).length >= 3, { what: 'the second trace' });
  expect(inTrace().filter((s) => s.name === 'process OfferRegistered')).toHaveLength(3);
});
