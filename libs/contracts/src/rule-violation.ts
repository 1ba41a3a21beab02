/**
 * A request that is well-formed but breaks a rule of the domain. Carries the field and the rule,
 * like a validation error, so every 4xx answer names both. Thrown by domain code (no framework).
 */
export class RuleViolation extends Error {
  constructor(
    readonly field: string,
    readonly rule: string,
    message: string,
    /** 400 when the input breaks a rule, 409 when the state conflicts, 422 when the request can never pass, 404 when missing, 403 when not yours. */
    readonly status: 400 | 403 | 404 | 409 | 422 = 422,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'RuleViolation';
  }
}
