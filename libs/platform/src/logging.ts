import type { INestApplication, LoggerService } from '@nestjs/common';
import pino, { type Logger } from 'pino';

/**
 * Paths never written to a log: tokens, and anything that could be a citizen's identity or case
 * notes, wherever it sits in a logged object.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization', 'req.headers.cookie', 'headers.authorization', 'authorization', 'token', 'access_token', 'id_token',
  'cpr', '*.cpr', '*.*.cpr', 'name', '*.name', '*.*.name', 'notes', '*.notes', '*.*.notes', 'citizen', '*.citizen',
];

/** A service's JSON logger (`LOG_LEVEL`, default info), writing through process.stdout. */
export function createServiceLogger(service: string, env = process.env): Logger {
  return pino({
    level: env.LOG_LEVEL ?? 'info',
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    formatters: { level: (label) => ({ level: label }) },
  }, process.stdout);
}

/** Nest's own messages (start-up, errors) through the service's JSON logger. */
export class JsonNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}
  log(message: unknown, context?: string): void { this.logger.info({ context }, String(message)); }
  error(message: unknown, trace?: string, context?: string): void { this.logger.error({ context, trace }, String(message)); }
  warn(message: unknown, context?: string): void { this.logger.warn({ context }, String(message)); }
  debug(message: unknown, context?: string): void { this.logger.debug({ context }, String(message)); }
  verbose(message: unknown, context?: string): void { this.logger.trace({ context }, String(message)); }
}

const loggers = new WeakMap<INestApplication, Logger>();

export function rememberLogger(app: INestApplication, logger: Logger): void {
  loggers.set(app, logger);
}

/** The JSON logger of an app made by `createServiceApp`. */
export function loggerOf(app: INestApplication): Logger {
  const logger = loggers.get(app);
  if (!logger) throw new Error('no logger: the app was not made by createServiceApp');
  return logger;
}
