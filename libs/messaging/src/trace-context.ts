import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { MessageHeaders } from './bus/message-bus';

/*
 * Trace context across Kafka: the W3C `traceparent` (and `tracestate`) of the span that wrote an
 * event go into the message headers when it enters the outbox, and a consumer's span continues
 * that trace. Without an OpenTelemetry SDK this adds no headers and no cost.
 */

/** The active trace context as message headers (empty when tracing is off). */
export function traceHeaders(): MessageHeaders {
  const carrier: MessageHeaders = {};
  propagation.inject(context.active(), carrier);
  return carrier;
}

/** Runs `work` inside a consumer span that continues the trace of the message's headers. */
export function withConsumerSpan<T>(name: string, headers: MessageHeaders, attributes: Record<string, string | number>, work: () => Promise<T>): Promise<T> {
  const parent = propagation.extract(ROOT_CONTEXT, headers);
  return trace.getTracer('tilbudsnet-kafka').startActiveSpan(name, { kind: SpanKind.CONSUMER, attributes }, parent, async (span) => {
    try {
      return await work();
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
      throw error;
    } finally {
      span.end();
    }
  });
}
