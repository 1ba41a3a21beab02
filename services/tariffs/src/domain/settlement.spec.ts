import fc from 'fast-check';
import { formatKroner, kroner } from './money';
import { billableDays, invoiceDateFor, monthDays, settleMonth as settleAll, settlePlacement as settle, type PlacementPeriod, type RateOn, type UnitDelivery, type UnitPriceOn } from './settlement';

const RATES: Record<string, Record<string, bigint>> = {
  '2026': { base: kroner('1441.96'), high: kroner('1891.96') },
  '2027': { base: kroner('1500.00'), high: kroner('1950.00') },
};
const rateOn: RateOn = (_offer, date, pkg) => RATES[date.slice(0, 4)][pkg];
const settlePlacement = (...args: Parameters<typeof settle>) => settle(...args).lines;
const settleMonth = (...args: Parameters<typeof settleAll>) => settleAll(...args).statements;

function placement(changes: Partial<PlacementPeriod> = {}): PlacementPeriod {
  return { placementId: 'p1', offerId: 'o1', payingMunicipality: '0147', startDate: '2026-01-01', endDate: null, packages: [{ effectiveDate: '2026-01-01', packageCode: 'base' }], ...changes };
}

describe('monthly settlement', () => {
  it('splits the month on the 17th when the package changes', () => {
    const lines = settlePlacement(placement({ packages: [{ effectiveDate: '2026-01-01', packageCode: 'base' }, { effectiveDate: '2026-03-17', packageCode: 'high' }] }), '2026-03', rateOn, '2026-04-05');
    expect(lines.map((l) => [l.from, l.to, l.days, l.packageCode, formatKroner(l.amount)])).toEqual([
      ['2026-03-01', '2026-03-16', 16, 'base', '23071.36'],
      ['2026-03-17', '2026-03-31', 15, 'high', '28379.40'],
    ]);
  });

  it('bills December at the old tariff and January at the new one across the new year', () => {
    const p = placement({ startDate: '2026-12-20', endDate: '2027-01-10' });
    expect(settlePlacement(p, '2026-12', rateOn, '2027-01-05').map((l) => [l.days, formatKroner(l.dayRate)])).toEqual([[12, '1441.96']]);
    expect(settlePlacement(p, '2027-01', rateOn, '2027-02-05').map((l) => [l.days, formatKroner(l.dayRate)])).toEqual([[10, '1500.00']]);
  });

  it('bills a placement that starts and ends in the same month for its days only, move-out day included', () => {
    const [line] = settlePlacement(placement({ startDate: '2026-02-10', endDate: '2026-02-12' }), '2026-02', rateOn, '2026-03-01');
    expect([line.from, line.to, line.days, formatKroner(line.amount)]).toEqual(['2026-02-10', '2026-02-12', 3, '4325.88']);
  });

  it('adds a special measure on its own line', () => {
    const lines = settlePlacement(placement({ specialMeasures: [{ from: '2026-04-10', to: null, perDay: kroner('300'), description: 'ekstra nattevagt' }] }), '2026-04', rateOn, '2026-05-01');
    expect(lines.map((l) => [l.kind, l.days, formatKroner(l.amount)])).toEqual([['stay', 30, '43258.80'], ['special-measure', 21, '6300.00']]);
  });

  it('flags help given more than 12 months before the invoice (SEL §174, stk. 2)', () => {
    const [line] = settlePlacement(placement(), '2026-01', rateOn, '2027-02-15');
    expect(line.lateClaim).toBe(true);
    expect(settlePlacement(placement(), '2026-03', rateOn, '2027-02-15')[0].lateClaim).toBe(false);
  });

  it('invoices on the 1st of the next month unless told otherwise, never before the month', () => {
    expect(invoiceDateFor('2026-12')).toBe('2027-01-01');
    expect(invoiceDateFor('2026-11', '2026-12-02')).toBe('2026-12-02');
    expect(() => invoiceDateFor('2026-11', '2026-10-31')).toThrow(expect.objectContaining({ field: 'invoiceDate', rule: 'not-before-month' }));
  });

  it('makes one statement per paying municipality and operator, due 30 days after the invoice', () => {
    const statements = settleMonth([
      { ...placement({ placementId: 'a' }), operator: 'municipality:0751' },
      { ...placement({ placementId: 'b' }), operator: 'municipality:0751' },
      { ...placement({ placementId: 'c', payingMunicipality: '0101' }), operator: 'municipality:0751' },
    ], '2026-05', rateOn, '2026-06-03');
    expect(statements.map((s) => [s.payingMunicipality, s.lines.length, s.dueDate])).toEqual([['0101', 1, '2026-07-03'], ['0147', 2, '2026-07-03']]);
  });

  it('bills every day once at that day\'s rate, whatever the placement and its changes (property)', () => {
    const date = fc.integer({ min: 0, max: 90 }).map((n) => new Date(Date.UTC(2026, 10, 1 + n)).toISOString().slice(0, 10));
    fc.assert(fc.property(date, fc.option(date, { nil: null }), fc.array(fc.tuple(date, fc.constantFrom('base', 'high')), { maxLength: 5 }), fc.constantFrom('2026-11', '2026-12', '2027-01'),
      (start, end, changes, month) => {
        const p = placement({ startDate: start, endDate: end && end < start ? start : end, packages: [{ effectiveDate: start, packageCode: 'base' }, ...changes.map(([d, c]) => ({ effectiveDate: d, packageCode: c }))] });
        const lines = settlePlacement(p, month, rateOn, '2027-02-01');
        const expected = billableDays(p, month).reduce((sum, d) => sum + rateOn('o1', d.date, d.packageCode)!, 0n);
        expect(lines.reduce((sum, l) => sum + l.amount, 0n)).toBe(expected);
        const covered = lines.flatMap((l) => monthDays(month).filter((d) => d >= l.from && d <= l.to));
        expect(new Set(covered).size).toBe(covered.length);
        expect(covered.sort()).toEqual(billableDays(p, month).map((d) => d.date));
      }), { numRuns: 500 });
  });
});

describe('a package the tariff in force does not have', () => {
  // 2027's tariff has no 'p2800': the operator dropped the package from the new year's budget.
  const rates: Record<string, Record<string, bigint>> = { '2026': { base: kroner('1441.96'), p2800: kroner('2800.00') }, '2027': { base: kroner('1500.00') } };
  const strictRateOn: RateOn = (_offer, date, pkg) => rates[date.slice(0, 4)][pkg] ?? null;
  const onP2800 = placement({ startDate: '2026-11-01', packages: [{ effectiveDate: '2026-11-01', packageCode: 'p2800' }], specialMeasures: [{ from: '2026-11-01', to: null, perDay: kroner('100'), description: 'nattevagt' }] });

  it('holds the placement month back instead of billing the package at the base rate', () => {
    const settled = settle(onP2800, '2027-01', strictRateOn, '2027-02-01');
    expect(settled.lines).toEqual([]);
    expect(settled.held).toEqual({ placementId: 'p1', offerId: 'o1', payingMunicipality: '0147', month: '2027-01', packageCode: 'p2800', tariffYear: 2027, from: '2027-01-01', to: '2027-01-31', days: 31 });
  });

  it('bills the month in full once the acting municipality has moved the placement to a package the tariff has', () => {
    const decided = { ...onP2800, packages: [...onP2800.packages, { effectiveDate: '2027-01-01', packageCode: 'base' }] };
    const settled = settle(decided, '2027-01', strictRateOn, '2027-02-01');
    expect(settled.held).toBeNull();
    expect(settled.lines.map((l) => [l.kind, l.days, formatKroner(l.amount)])).toEqual([['stay', 31, '46500.00'], ['special-measure', 31, '3100.00']]);
  });

  it('keeps the other placements of the same statement billed', () => {
    const other = { ...placement({ placementId: 'p2', startDate: '2026-11-01' }), operator: 'municipality:0751' };
    const { statements, held } = settleAll([{ ...onP2800, operator: 'municipality:0751' }, other], '2027-01', strictRateOn, '2027-02-01');
    expect(held.map((h) => h.placementId)).toEqual(['p1']);
    expect(statements).toHaveLength(1);
    expect(statements[0].lines.map((l) => l.placementId)).toEqual(['p2']);
    expect(formatKroner(statements[0].total)).toBe('46500.00');
  });
});

describe('delivered units of single services on the month statement', () => {
  const delivery = (changes: Partial<UnitDelivery> = {}): UnitDelivery => ({
    deliveryId: 'd1', bookingId: 'b1', offerId: 'team', payingMunicipality: '0147', operator: 'region:1084', deliveredOn: '2026-03-04', units: 3, ...changes,
  });
  const unitPriceOn: UnitPriceOn = (offerId, date) => (offerId === 'team' && date.startsWith('2026') ? kroner('792.59') : null);

  it('bills units × the unit price of the day, on the same statement as the payer\'s stays with that operator', () => {
    const stay = { ...placement({ startDate: '2026-03-30' }), operator: 'region:1084' };
    const { statements, unpriced } = settleAll([stay], '2026-03', rateOn, '2026-04-01', 30, {
      deliveries: [delivery(), delivery({ deliveryId: 'd2', deliveredOn: '2026-03-11', units: 1 })], unitPriceOn,
    });
    expect(unpriced).toEqual([]);
    expect(statements).toHaveLength(1);
    expect(statements[0].lines.map((l) => [l.kind, l.days, l.units, formatKroner(l.dayRate), formatKroner(l.amount)])).toEqual([
      ['stay', 2, undefined, '1441.96', '2883.92'],
      ['units', 0, 3, '792.59', '2377.77'],
      ['units', 0, 1, '792.59', '792.59'],
    ]);
    // 2 × 1441.96 + 4 × 792.59, by hand
    expect(formatKroner(statements[0].total)).toBe('6054.28');
  });

  it('leaves a delivery without a published unit price unbilled, never at 0, and bills another payer on its own statement', () => {
    const { statements, unpriced } = settleAll([], '2027-01', rateOn, '2027-02-01', 30, {
      deliveries: [delivery({ deliveredOn: '2027-01-05' }), delivery({ deliveryId: 'd2', payingMunicipality: '0101', deliveredOn: '2026-12-30' })], unitPriceOn,
    });
    expect(unpriced.map((d) => d.deliveryId)).toEqual(['d1']);
    expect(statements.map((s) => [s.payingMunicipality, formatKroner(s.total)])).toEqual([['0101', '2377.77']]);
  });
});
