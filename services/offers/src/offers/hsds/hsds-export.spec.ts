import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { registerOffer, snapshotOf } from '../domain/offer';
import { demoOfferRequests } from '../../seed/demo-offers';
import { demoSingleServiceRequests } from '../../seed/demo-single-services';
import { toHsds, uuidFrom, type HsdsExport } from './hsds-export';

/** The HSDS 3.1 schema files, loaded together (they refer to each other by file name). */
function hsdsValidator(): Ajv {
  // strict: false, as the schema files' README asks: they carry non-standard keywords.
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const dir = join(__dirname, 'schema');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    ajv.addSchema(JSON.parse(readFileSync(join(dir, file), 'utf8')), file);
  }
  return ajv;
}

function demoExport(): HsdsExport {
  const now = new Date('2026-11-23T10:00:00Z');
  const offers = [...demoOfferRequests(60), ...demoSingleServiceRequests()].map((r, i) => snapshotOf(registerOffer({ ...r, id: uuidFrom(`demo-${i}`), demo: true }, now).state));
  // The first single service has 4 of its units taken this month.
  const first = offers.find((o) => o.units)!;
  return toHsds(offers, now, new Map([[first.offerId, { period: '2026-11', free: first.units!.unitsPerPeriod - 4 }]]));
}

describe('the HSDS export of the catalogue', () => {
  const ajv = hsdsValidator();
  const exported = demoExport();

  it.each(['organization', 'service', 'location', 'service_at_location', 'service_capacity'] as const)('every %s validates against its HSDS schema', (table) => {
    expect(exported[table].length).toBeGreaterThan(0);
    const validate = ajv.getSchema(`${table}.json`)!;
    const failures = exported[table].filter((row) => !validate(row)).map((row) => ({ row, errors: validate.errors }));
    expect(failures).toEqual([]);
  });

  it('would reject a service without a status (the validator is really checking)', () => {
    const { status: _drop, ...withoutStatus } = exported.service[0];
    expect(ajv.getSchema('service.json')!(withoutStatus)).toBe(false);
  });

  it('has one organization per operator, and links each service to its location and capacity', () => {
    const ids = new Set(exported.organization.map((o) => o.id));
    expect(ids.size).toBe(exported.organization.length);
    expect(exported.service.every((s) => ids.has(s.organization_id as string))).toBe(true);
    expect(exported.service_at_location.map((s) => s.service_id)).toEqual(exported.service.map((s) => s.id));
    expect(exported.service_capacity[0]).toMatchObject({ unit: { name: 'Plads (place)' }, available: expect.any(Number), maximum: expect.any(Number) });
  });

  it('gives a single service its units per period as the capacity, with the units free in the current period', () => {
    const units = exported.service_capacity.filter((c) => (c.unit as { name: string }).name !== 'Plads (place)');
    expect(units).toHaveLength(7);
    expect(units[0]).toMatchObject({ unit: { name: 'Sessioner pr. måned (sessions per month)' }, available: 56, maximum: 60, description: 'Enkeltydelse: 56 af 60 enheder ledige i 2026-11' });
    expect(units.map((u) => (u.unit as { name: string }).name)).toContain('Timer pr. uge (hours per week)');
  });

  it('describes offers in Danish words, not codes (a person reads HSDS text)', () => {
    const text = [...exported.service.map((s) => s.description), ...exported.organization.map((o) => o.description)].join('\n');
    expect(text).toMatch(/Specialiseringsniveau: (almindeligt|specialiseret|højt specialiseret)\./);
    expect(text).toMatch(/Driftsherre \((kommunal|regional|privat)\)/);
    expect(text).not.toMatch(/highly-specialised|specialised\.|\((municipality|region|private)\)/);
  });
});
