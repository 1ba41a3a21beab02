import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Min, ValidateIf, ValidateNested } from 'class-validator';
import { compiledCheck } from './compiled-validation';
import { EVENT_TYPES } from './event-types';
import { loadExampleEvent } from './examples/load-example';
import { validateEvent, validateEventFully } from './validate-event';

/** Odd values an outsider might put anywhere in a message. */
const ODD_VALUES: unknown[] = [
  null, '', 'x', 0, -1, 1.5, 1e21, Number.MAX_SAFE_INTEGER + 2, true, false, [], {}, ['x'], [{}], [null], '2027-02-30', '0000-01-01',
  '9999', '00000000-0000-0000-0000-000000000000', '2026-11-23T10:00:00', '2026-11-23T10:00:00.000Z', '<script>', 'a'.repeat(5000),
];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every path to a value inside `value` (object keys and array indexes). */
function paths(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [prefix];
  const keys: (string | number)[] = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return [prefix, ...keys.flatMap((k) => paths((value as Record<string, Json>)[k], [...prefix, k]))];
}

/** A copy of `value` with the thing at `path` replaced (or removed when `replacement` is REMOVE). */
const REMOVE = Symbol('remove');
function mutate(value: Json, path: (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  const [head, ...rest] = path;
  if (rest.length === 0 && replacement === REMOVE) {
    if (Array.isArray(copy)) (copy as unknown[]).splice(head as number, 1);
    else delete copy[head];
    return copy;
  }
  copy[head] = mutate((value as Record<string | number, Json>)[head], rest, replacement);
  return copy;
}

describe('the compiled event checks', () => {
  it.each(EVENT_TYPES)('say what the full class-validator path says about every mutant of the example %s', (type) => {
    const example = JSON.parse(JSON.stringify(loadExampleEvent(type))) as Json;
    const disagreements: string[] = [];
    let refused = 0;
    for (const path of paths(example)) {
      for (const replacement of [REMOVE, ...ODD_VALUES]) {
        const mutant = mutate(example, path, replacement);
        const fast = validateEvent(mutant).ok;
        const full = validateEventFully(mutant).ok;
        if (!full) refused++;
        if (fast !== full) disagreements.push(`${path.join('.')} = ${String(replacement === REMOVE ? '(removed)' : JSON.stringify(replacement)).slice(0, 40)}: fast ${fast}, full ${full}`);
      }
    }
    expect(disagreements).toEqual([]);
    // The mutants were not all harmless: most of them break a rule (so agreement means something).
    expect(refused).toBeGreaterThan(paths(example).length * 5);
  });

  it('gives the full path\'s reasons when it refuses', () => {
    const event = loadExampleEvent('CapacityChanged');
    const broken = { ...event, payload: { ...event.payload, capacity: { ...event.payload.capacity, vacantPlaces: -1 } } };
    expect(validateEvent(broken)).toEqual(validateEventFully(broken));
    expect(validateEvent(broken)).toMatchObject({ ok: false, reason: expect.stringContaining('payload.capacity.vacantPlaces') });
  });
});

describe('compiledCheck on its own', () => {
  class Leaf {
    @IsInt() @Min(0) n: number;
  }
  class Node {
    @IsOptional() @IsString() label?: string;
    @ValidateIf((o: Node) => o.label === 'counted') @IsInt() count?: number;
    @ValidateNested({ each: true }) @Type(() => Leaf) leaves: Leaf[];
    @ValidateNested() @Type(() => Node) child?: Node;
    @ValidateNested() untyped?: object;
  }
  const check = compiledCheck(Node);

  it('follows optional and conditional properties', () => {
    expect(check({ leaves: [] })).toBe(true);
    expect(check({ label: 7, leaves: [] })).toBe(false);
    expect(check({ label: 'counted', leaves: [] })).toBe(false);
    expect(check({ label: 'counted', count: 2, leaves: [] })).toBe(true);
  });

  it('checks nested classes, in arrays and in themselves, and refuses what is not an object there', () => {
    expect(check({ leaves: [{ n: 1 }, { n: 0 }] })).toBe(true);
    expect(check({ leaves: [{ n: 1 }, { n: -1 }] })).toBe(false);
    expect(check({ leaves: [null] })).toBe(false);
    expect(check({ leaves: 'x' })).toBe(false);
    expect(check({ leaves: [], child: { leaves: [{ n: 2 }] } })).toBe(true);
    expect(check({ leaves: [], child: { leaves: [{ n: 'two' }] } })).toBe(false);
  });

  it('refuses an object where the nested class is unknown (forbidUnknownValues), and a class with no rules', () => {
    expect(check({ leaves: [], untyped: {} })).toBe(false);
    class Bare {}
    expect(compiledCheck(Bare)({})).toBe(false);
  });
});
