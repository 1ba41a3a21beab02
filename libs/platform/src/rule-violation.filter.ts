import { Catch, HttpException, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { RuleViolation } from '@tilbudsnet/contracts';
import type { Response } from 'express';

/**
 * The one error shape of every 4xx answer (documented as `Error` in each OpenAPI document):
 * `{ statusCode, code, error, message, violations: [{ field, rule, message }] }`. `code` is the
 * rule broken (`own-operator-only`, `closed-once`, …), `validation-failed` for a bad request, or
 * the status in words (`unauthorized`, `forbidden`, `not-found`).
 */
export interface ErrorBody {
  statusCode: number;
  code: string;
  error: string;
  message: string;
  violations: { field: string; rule: string; message: string }[];
  [detail: string]: unknown;
}

const ERROR_NAMES: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 409: 'Conflict', 413: 'Payload Too Large', 415: 'Unsupported Media Type', 422: 'Unprocessable Entity', 429: 'Too Many Requests' };
const slug = (name: string) => name.toLowerCase().replace(/[^a-z]+/g, '-');

/** Answers a domain `RuleViolation` with its status, naming the field and the rule. */
@Catch(RuleViolation)
export class RuleViolationFilter implements ExceptionFilter {
  catch(violation: RuleViolation, host: ArgumentsHost): void {
    const body: ErrorBody = {
      statusCode: violation.status,
      code: violation.rule,
      error: ERROR_NAMES[violation.status] ?? 'Error',
      message: violation.message,
      violations: [{ field: violation.field, rule: violation.rule, message: violation.message }],
      ...violation.details,
    };
    host.switchToHttp().getResponse<Response>().status(violation.status).json(body);
  }
}

/** Every other HTTP error (validation, the auth guard, Nest's own 404) in the same shape. */
@Catch(HttpException)
export class HttpErrorFilter implements ExceptionFilter {
  catch(exception: HttpException, host: ArgumentsHost): void {
    const status = exception.getStatus();
    const given = exception.getResponse();
    const fields = typeof given === 'string' ? { message: given } : (given as Record<string, unknown>);
    const violations = Array.isArray(fields.violations) ? (fields.violations as ErrorBody['violations']) : [];
    const error = typeof fields.error === 'string' ? fields.error : ERROR_NAMES[status] ?? 'Error';
    const message = Array.isArray(fields.message) ? fields.message.join('; ') : String(fields.message ?? error);
    const body: ErrorBody = {
      ...fields,
      statusCode: status,
      code: typeof fields.code === 'string' ? fields.code : status === 400 ? 'validation-failed' : slug(ERROR_NAMES[status] ?? error),
      error,
      message,
      violations,
    };
    const response = host.switchToHttp().getResponse<Response>();
    const headers = (exception as HttpException & { headers?: Record<string, string> }).headers;
    if (headers) for (const [k, v] of Object.entries(headers)) response.setHeader(k, v);
    response.status(status).json(body);
  }
}
