import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { RuleViolation } from '@tilbudsnet/contracts';
import type { Response } from 'express';

/** Answers a domain `RuleViolation` with its status, naming the field and the rule. */
@Catch(RuleViolation)
export class RuleViolationFilter implements ExceptionFilter {
  catch(violation: RuleViolation, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    response.status(violation.status).json({
      statusCode: violation.status,
      error: ({ 403: 'Forbidden', 404: 'Not Found', 409: 'Conflict', 422: 'Unprocessable Entity' } as const)[violation.status],
      message: violation.message,
      violations: [{ field: violation.field, rule: violation.rule, message: violation.message }],
      ...violation.details,
    });
  }
}
