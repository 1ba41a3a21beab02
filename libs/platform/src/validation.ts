import { BadRequestException, ValidationPipe, type PipeTransform } from '@nestjs/common';
import { describeValidationErrors, violationsToText } from '@tilbudsnet/contracts';

/**
 * Request validation for every endpoint: unknown fields are refused, and the 400 names each field
 * and the rule it breaks, e.g. `{ field: "approvedPlaces", rule: "min", message: "..." }`.
 */
export function requestValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const violations = describeValidationErrors(errors);
      return new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: violationsToText(violations),
        violations,
      });
    },
  });
}

/**
 * A path or query parameter checked like a body field: the 400 names the parameter and the rule.
 * `@Param('year', paramMatching('year', (v) => /^20\d{2}$/.test(v), 'a year 2000-2099', 'matches'))`.
 */
export function paramMatching(field: string, accepts: (value: string) => boolean, expected: string, rule = 'matches'): PipeTransform<string, string> {
  return {
    transform(value: string) {
      if (typeof value !== 'string' || !accepts(value)) {
        const message = `${field} must be ${expected}`;
        throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message, violations: [{ field, rule, message }] });
      }
      return value;
    },
  };
}
