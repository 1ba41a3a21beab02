import { context, propagation, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';

/**
 * Traces are off unless the standard OpenTelemetry variables ask for them: `OTEL_TRACES_EXPORTER`
 * (other than `none`) or `OTEL_EXPORTER_OTLP_ENDPOINT` / `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`, and
 * not `OTEL_SDK_DISABLED=true`. The exporter, endpoint, sampler and resource come from the same
 * variables, read by the OpenTelemetry SDK itself.
 */
export function tracingRequested(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.OTEL_SDK_DISABLED === 'true') return false;
  if (env.OTEL_TRACES_EXPORTER) return env.OTEL_TRACES_EXPORTER !== 'none';
  return !!(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);
}

/** Starts the OpenTelemetry SDK for a service process when asked; returns its shutdown. */
export async function startTracing(service: string, env: NodeJS.ProcessEnv = process.env): Promise<() => Promise<void>> {
  if (!tracingRequested(env)) return async () => undefined;
  const { NodeSDK } = await import('@opentelemetry/sdk-node');
  const sdk = new NodeSDK({ serviceName: env.OTEL_SERVICE_NAME ? `${env.OTEL_SERVICE_NAME}-${service}` : service, instrumentations: [] });
  sdk.start();
  return () => sdk.shutdown();
}

const tracer = () => trace.getTracer('tilbudsnet-http');

/**
 * Express middleware: a server span per request, child of the caller's `traceparent` if any, active
 * while the request is handled so that events it causes carry it on to Kafka. A no-op without an SDK.
 */
export function httpServerSpans() {
  return (req: { method: string; url: string; headers: Record<string, unknown>; route?: { path: string }; baseUrl?: string },
    res: { statusCode: number; on(e: string, f: () => void): void }, next: () => void) => {
    const parent = propagation.extract(context.active(), req.headers);
    tracer().startActiveSpan(`${req.method} ${req.url.split('?')[0]}`, { kind: SpanKind.SERVER, attributes: { 'http.request.method': req.method } }, parent, (span) => {
      res.on('finish', () => {
        if (req.route) span.updateName(`${req.method} ${req.baseUrl ?? ''}${req.route.path}`);
        span.setAttribute('http.response.status_code', res.statusCode);
        if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
        span.end();
      });
      next();
    });
  };
}
