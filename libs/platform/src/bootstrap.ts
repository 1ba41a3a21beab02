import type { INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { HostileInputPipe } from './hostile-input.pipe';
import { completeApiDocument } from './openapi';
import { securityHeaders } from './security-headers';
import { rateFromEnv, RateLimiter, rateLimitMiddleware } from '@tilbudsnet/auth';
import { HttpErrorFilter, RuleViolationFilter } from './rule-violation.filter';
import pinoHttp from 'pino-http';
import { createServiceLogger, JsonNestLogger, loggerOf, rememberLogger } from './logging';
import { HttpMetrics } from './metrics.controller';
import { correlationIdOf } from './request-cause';
import { portFor, type ServiceName } from './service-config';
import { httpServerSpans, startTracing } from './tracing';
import { requestValidationPipe } from './validation';

export interface ServiceAppOptions {
  service: ServiceName;
  title: string;
  description: string;
}

/**
 * A service's HTTP app: JSON logs with the request's correlation id, validation, OpenAPI at `/docs`
 * (JSON at `/docs-json`), graceful shutdown.
 */
export async function createServiceApp(module: Type<unknown>, options: ServiceAppOptions): Promise<INestApplication> {
  const logger = createServiceLogger(options.service);
  const app = await NestFactory.create(module, { logger: new JsonNestLogger(logger) });
  rememberLogger(app, logger);
  const http = app.get(HttpMetrics);
  app.use(securityHeaders);
  // Per principal (bearer token) or, without one, per address: RATE_LIMIT_API=<per second>/<burst>.
  const limited = rateLimitMiddleware(new RateLimiter(rateFromEnv(process.env.RATE_LIMIT_API, { perSecond: 200, burst: 1000 })));
  app.use((req: { path: string }, res: never, next: () => void) => (/^\/(health|metrics)/.test(req.path) ? next() : limited(req as never, res, next)));
  (app.getHttpAdapter().getInstance() as { disable?: (setting: string) => void }).disable?.('x-powered-by');
  app.use(httpServerSpans());
  app.use((req: { method: string; route?: { path: string }; baseUrl?: string }, res: { statusCode: number; on(e: string, f: () => void): void }, next: () => void) => {
    const end = http.requestSeconds.startTimer();
    // The route pattern (/offers/:id), not the path, so ids do not make one series each.
    res.on('finish', () => end({ method: req.method, route: req.route ? `${req.baseUrl ?? ''}${req.route.path}` : 'unmatched', status: String(res.statusCode) }));
    next();
  });
  app.use(pinoHttp({
    logger,
    genReqId: (req) => correlationIdOf(req as never),
    customProps: (req) => ({ correlationId: (req as { id?: string }).id }),
    // Method, path and status only: no headers (tokens), no bodies (citizen data).
    serializers: {
      req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url.split('?')[0] }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  }));
  app.useGlobalPipes(new HostileInputPipe(), requestValidationPipe());
  app.useGlobalFilters(new HttpErrorFilter(), new RuleViolationFilter());
  app.enableShutdownHooks();
  const config = new DocumentBuilder()
    .setTitle(options.title)
    .setDescription(options.description)
    .setVersion('0.1.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'An access token from the OpenID Connect provider (OIDC_ISSUER).' }, 'bearer')
    .build();
  SwaggerModule.setup('docs', app, () => completeApiDocument(
    SwaggerModule.createDocument(app, config, { operationIdFactory: (controller, method) => `${controller.replace(/Controller$/, '')}_${method}` }),
    { service: options.service, port: portFor(options.service), description: options.description },
  ));
  return app;
}

/**
 * Starts a service as `node src/main.ts` does: its consumer (if it has one), then HTTP on its
 * port; a failure to start ends the process.
 */
export function runService(service: ServiceName, create: () => Promise<INestApplication>): void {
  startTracing(service)
    .then(() => create())
    .then(async (app) => {
      await app.startAllMicroservices();
      await app.listen(portFor(service), '0.0.0.0');
      loggerOf(app).info(`listening on ${await app.getUrl()}`);
    })
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
