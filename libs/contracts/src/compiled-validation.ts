import type { MetadataStorage as TransformerMetadata } from 'class-transformer/types/MetadataStorage';
import { getMetadataStorage, ValidationTypes, type ValidationArguments } from 'class-validator';

// Where class-transformer keeps `@Type` (not exported from its index; NestJS reads it the same way).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as { defaultMetadataStorage: TransformerMetadata };

/**
 * A fast yes/no check of a plain object against a class's class-validator decorators, for the hot
 * path of consumers (every event is checked on receipt). `validateSync` with `plainToInstance`
 * costs about 100 µs per event; this walks the same decorators' own `validate` functions, compiled
 * once per class, in a few µs.
 *
 * It follows class-validator's rules (ValidationExecutor, v0.14) for what it supports: conditions
 * (`@IsOptional`, `@ValidateIf`) first, then every constraint (with `each` over arrays), then
 * `@ValidateNested` into the class named by class-transformer's `@Type`; an object without such a
 * class, or a class without decorators, is refused (`forbidUnknownValues`). Anything it does not
 * support (async constraints, promise validation) makes the check answer `false`, so callers run
 * the full `validateSync` path, which also gives the reasons. A `true` here therefore always means
 * what `validateSync` would say; compiled-validation.spec.ts holds the two to each other.
 */
export type ObjectCheck = (value: object) => boolean;

const compiled = new Map<Function, ObjectCheck>();

export function compiledCheck(cls: Function): ObjectCheck {
  let check = compiled.get(cls);
  if (!check) {
    // Placeholder first, so a class nested in itself compiles (the final check replaces it).
    compiled.set(cls, (value) => compiled.get(cls)!(value));
    check = compile(cls);
    compiled.set(cls, check);
  }
  return check;
}

const NEVER: ObjectCheck = () => false;

function compile(cls: Function): ObjectCheck {
  const storage = getMetadataStorage();
  const metadatas = storage.getTargetValidationMetadatas(cls, '', false, false);
  if (!metadatas.length) return NEVER;
  const properties = Object.entries(storage.groupByPropertyName(metadatas)).map(([property, list]) => compileProperty(cls, property, list));
  if (properties.includes(null)) return NEVER;
  const checks = properties as PropertyCheck[];
  return (object) => {
    for (const check of checks) if (!check(object)) return false;
    return true;
  };
}

type PropertyCheck = (object: object) => boolean;
type Metadata = ReturnType<ReturnType<typeof getMetadataStorage>['getTargetValidationMetadatas']>[number];

function compileProperty(cls: Function, property: string, list: Metadata[]): PropertyCheck | null {
  const storage = getMetadataStorage();
  if (list.some((m) => m.type === ValidationTypes.PROMISE_VALIDATION)) return null;
  const conditions = list.filter((m) => m.type === ValidationTypes.CONDITIONAL_VALIDATION).map((m) => m.constraints[0] as (o: object, v: unknown) => boolean);
  const constraints: { each: boolean; constraints: unknown[]; validate: (value: unknown, args: ValidationArguments) => unknown }[] = [];
  for (const m of list.filter((x) => x.type === ValidationTypes.IS_DEFINED || x.type === ValidationTypes.CUSTOM_VALIDATION)) {
    for (const c of storage.getTargetValidatorConstraints(m.constraintCls)) {
      if (c.async) return null;
      const instance = c.instance as { validate: (value: unknown, args: ValidationArguments) => unknown };
      constraints.push({ each: m.each === true, constraints: m.constraints, validate: instance.validate.bind(instance) });
    }
  }
  const nested = list.filter((m) => m.type === ValidationTypes.NESTED_VALIDATION);
  let nestedCheck: ((value: unknown) => boolean) | null = null;
  if (nested.length) {
    const type = defaultMetadataStorage.findTypeMetadata(cls, property);
    const nestedClass = type?.typeFunction() as Function | undefined;
    const inner = nestedClass ? compiledCheck(nestedClass) : NEVER;
    nestedCheck = (value) => nestedValue(value, inner);
  }
  return (object) => {
    const value = (object as Record<string, unknown>)[property];
    for (const condition of conditions) if (!condition(object, value)) return true;
    if (constraints.length) {
      const args: ValidationArguments = { targetName: cls.name, property, object, value, constraints: [] };
      for (const c of constraints) {
        args.constraints = c.constraints;
        if (c.each && Array.isArray(value)) {
          for (const item of value) if (!isTrue(c.validate(item, args))) return false;
        } else if (!isTrue(c.validate(value, args))) {
          return false;
        }
      }
    }
    if (nestedCheck && value !== undefined) {
      for (let i = 0; i < nested.length; i++) if (!nestedCheck(value)) return false;
    }
    return true;
  };
}

/** A validator that answers a promise is async: the fast path does not wait, it says no. */
function isTrue(result: unknown): boolean {
  return result === true || (!!result && typeof (result as Promise<unknown>).then !== 'function');
}

/** `@ValidateNested`: arrays element by element (undefined elements pass), objects by their class, anything else fails. */
function nestedValue(value: unknown, check: ObjectCheck): boolean {
  if (Array.isArray(value)) {
    for (const item of value) if (item !== undefined && !nestedValue(item, check)) return false;
    return true;
  }
  if (value instanceof Object) return check(value);
  return false;
}
