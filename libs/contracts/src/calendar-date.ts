import { ValidateBy, type ValidationOptions } from 'class-validator';

/**
 * The one date type of the system: an ISO calendar date `YYYY-MM-DD` that exists (no 2027-02-30),
 * within a sane range (default 1900-01-01 to 2199-12-31; a field can narrow it). Used by every
 * request and every event, so an impossible date is a 400 or a dead letter, never a database error.
 */
export function isCalendarDate(value: unknown, min = '1900-01-01', max = '2199-12-31'): boolean {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  const real = date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  return real && value >= min && value <= max;
}

export function IsCalendarDate(range: { min?: string; max?: string } = {}, options?: ValidationOptions): PropertyDecorator {
  const min = range.min ?? '1900-01-01';
  const max = range.max ?? '2199-12-31';
  return ValidateBy({
    name: 'calendarDate',
    constraints: [min, max],
    validator: {
      validate: (value) => isCalendarDate(value, min, max),
      defaultMessage: (args) => `${args?.property} must be a real calendar date YYYY-MM-DD between ${min} and ${max}`,
    },
  }, options);
}
