import type { ValidationError } from 'class-validator';

/** One broken rule: the field's dotted path and the rule it breaks, in words. */
export interface FieldViolation {
  field: string;
  rule: string;
  message: string;
}

/** Flattens class-validator's nested errors into `field` + `rule` pairs. */
export function describeValidationErrors(errors: ValidationError[], prefix = ''): FieldViolation[] {
  const out: FieldViolation[] = [];
  for (const error of errors) {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    for (const [rule, message] of Object.entries(error.constraints ?? {})) {
      out.push({ field, rule, message });
    }
    if (error.children?.length) out.push(...describeValidationErrors(error.children, field));
  }
  return out;
}

export function violationsToText(violations: FieldViolation[]): string {
  return violations.map((v) => `${v.field}: ${v.message} (${v.rule})`).join('; ');
}
