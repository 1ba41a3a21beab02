import type { INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { RuleViolationFilter } from './rule-violation.filter';
import { portFor, type ServiceName } from './service-config';
import { requestValidationPipe } from './validation';

export interface ServiceAppOptions {
  title: string;
  description: string;
}

/** A service's HTTP app: validation, OpenAPI at `/docs` (JSON at `/docs-json`), graceful shutdown. */
export async function createServiceApp(module: Type<unknown>, options: ServiceAppOptions): Promise<INestApplication> {
  const app = await NestFactory.create(module, { logger: ['error', 'warn'], bufferLogs: false });
  app.useGlobalPipes(requestValidationPipe());
  app.useGlobalFilters(new RuleViolationFilter());
  app.enableShutdownHooks();
  const config = new DocumentBuilder()
    .setTitle(options.title)
    .setDescription(options.description)
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, config));
  return app;
}

/**
 * Starts a service as `node src/main.ts` does: its consumer (if it has one), then HTTP on its
 * port; a failure to start ends the process.
 */
export function runService(service: ServiceName, create: () => Promise<INestApplication>): void {
  create()
    .then(async (app) => {
      await app.startAllMicroservices();
      await app.listen(portFor(service), '0.0.0.0');
      console.log(JSON.stringify({ level: 'info', service, msg: `listening on ${await app.getUrl()}` }));
    })
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
