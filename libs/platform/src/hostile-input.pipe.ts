import { BadRequestException, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';

/** Deeper than this a request body is refused: no request of ours nests more than a few levels. */
export const MAX_INPUT_DEPTH = 16;

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function refuse(field: string, rule: string, message: string): never {
  throw new BadRequestException({ statusCode: 400, error: 'Bad Request', code: 'validation-failed', message, violations: [{ field, rule, message }] });
}

/**
 * A query parameter given twice (`limit=1&limit=2`) reaches us as an array; no parameter of ours
 * takes a list, so it is refused as such instead of failing every rule of the single value.
 */
function refuseRepeatedParameters(value: unknown, parameter: string | undefined): void {
  if (parameter !== undefined) {
    if (Array.isArray(value)) refuse(parameter, 'given-once', `${parameter} must be given once`);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  for (const [name, v] of Object.entries(value)) if (Array.isArray(v)) refuse(name, 'given-once', `${name} must be given once`);
}

/**
 * Runs before validation on every body, query and path parameter: what no field of ours may hold
 * is refused here with a 400 naming the field, before it can reach a parser, the database or a
 * log. A query parameter given more than once, nesting deeper than MAX_INPUT_DEPTH, control
 * characters (NUL included; tab and newlines are text), lone UTF-16 surrogates, and numbers beyond
 * what a 64-bit float holds exactly.
 * The walk is iterative, so a body nested thousands deep cannot exhaust the stack here.
 */
export class HostileInputPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value;
    if (metadata.type === 'query') refuseRepeatedParameters(value, metadata.data);
    const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: metadata.data ?? metadata.type, depth: 0 }];
    while (stack.length) {
      const { value: v, path, depth } = stack.pop()!;
      if (typeof v === 'string') {
        if (CONTROL.test(v)) refuse(path, 'no-control-characters', `${path} must not contain control characters`);
        if (LONE_SURROGATE.test(v)) refuse(path, 'valid-unicode', `${path} must be valid Unicode text`);
      } else if (typeof v === 'number') {
        if (!Number.isFinite(v) || Math.abs(v) > Number.MAX_SAFE_INTEGER) refuse(path, 'number-in-range', `${path} must be a number between -${Number.MAX_SAFE_INTEGER} and ${Number.MAX_SAFE_INTEGER}`);
      } else if (v !== null && typeof v === 'object') {
        if (depth >= MAX_INPUT_DEPTH) refuse(path, 'max-depth', `${path} nests deeper than ${MAX_INPUT_DEPTH} levels`);
        for (const [key, child] of Object.entries(v)) {
          if (CONTROL.test(key) || LONE_SURROGATE.test(key)) refuse(path, 'valid-field-names', `${path} has a field name with control characters`);
          stack.push({ value: child, path: Array.isArray(v) ? `${path}[${key}]` : `${path}.${key}`.replace(/^(body|query|param)\./, ''), depth: depth + 1 });
        }
      }
    }
    return value;
  }
}
