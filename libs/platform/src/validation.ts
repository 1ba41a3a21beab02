import { BadRequestException, ValidationPipe } from '@nestjs/common';
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
