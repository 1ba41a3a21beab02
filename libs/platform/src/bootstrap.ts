import type { INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { RuleViolationFilter } from './rule-violation.filter';
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
