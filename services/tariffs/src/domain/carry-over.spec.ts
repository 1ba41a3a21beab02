import fc from 'fast-check';
import { carryOver, carryOverLines } from './carry-over';
import { kroner } from './money';

// Cases computed by hand from domain.md: "Up to ±5 % of the cost basis may be carried into next
// year's budget; the rest goes into the tariff two years after the accounting year."
describe('efterregulering (carry-over)', () => {
  const costBasis = kroner('10000000.00'); // 5 % = 500,000.00

  it('takes the limit from the cost basis, not from the actual cost', () => {
    // Budget 10 M, actual cost 12 M, income 11 M: a deficit of 1 M; 5 % of the cost basis is 500,000
    // (5 % of the actual cost would be 600,000 and would move 100,000 into the wrong year).
    const c = carryOver({ actualIncome: kroner('11000000.00'), actualCost: kroner('12000000.00'), costBasis });
    expect(c).toEqual({ result: kroner('-1000000.00'), limit: kroner('500000.00'), intoNextYear: kroner('500000.00'), intoYearAfterNext: kroner('500000.00') });
  });

  it('keeps the limit when the operator spends less than budgeted', () => {
    // Budget 10 M, actual cost 8 M, income 9 M: a surplus of 1 M; limit 500,000 (not 400,000).
    const c = carryOver({ actualIncome: kroner('9000000.00'), actualCost: kroner('8000000.00'), costBasis });
    expect(c).toEqual({ result: kroner('1000000.00'), limit: kroner('500000.00'), intoNextYear: kroner('-500000.00'), intoYearAfterNext: kroner('-500000.00') });
  });

  it.each([
    ['surplus below the limit', '300000.00', '-300000.00', '0.00'],
    ['surplus at the limit', '500000.00', '-500000.00', '0.00'],
    ['surplus one øre above the limit', '500000.01', '-500000.00', '-0.01'],
    ['deficit below the limit', '-200000.00', '200000.00', '0.00'],
    ['deficit at the limit', '-500000.00', '500000.00', '0.00'],
    ['deficit above the limit', '-650000.00', '500000.00', '150000.00'],
  ])('%s: the result %s kr goes %s into next year and %s two years after', (_, result, next, afterNext) => {
    const actualCost = kroner('10400000.00'); // differs from the cost basis on purpose
    const c = carryOver({ actualIncome: actualCost + kroner(result), actualCost, costBasis });
    expect(c).toMatchObject({ result: kroner(result), limit: kroner('500000.00'), intoNextYear: kroner(next), intoYearAfterNext: kroner(afterNext) });
  });

  it('names the limit as 5 % of the cost basis of the accounting year in its lines', () => {
    const figures = { actualIncome: kroner('11000000.00'), actualCost: kroner('12000000.00'), costBasis };
    const lines = carryOverLines(2027, figures, carryOver(figures));
    expect(lines).toContainEqual({ label: '5 % af omkostningsgrundlaget 2027: højst overført til budget 2028', amount: '500000.00' });
    expect(lines).toContainEqual({ label: 'Efterregulering i budget 2028', amount: '500000.00' });
    expect(lines).toContainEqual({ label: 'Efterregulering i takst 2029', amount: '500000.00' });
  });

  const oere = fc.bigInt({ min: 0n, max: 10n ** 12n });

  it('carries the whole result, never more than 5 % of the cost basis into next year, whatever the actual cost (property)', () => {
    fc.assert(fc.property(oere, oere, oere, oere, (income, cost, otherCost, basis) => {
      const c = carryOver({ actualIncome: income, actualCost: cost, costBasis: basis });
      expect(c.intoNextYear + c.intoYearAfterNext).toBe(-c.result);
      expect(c.limit).toBe((basis * 500n + 5_000n) / 10_000n);
      expect(c.intoNextYear <= c.limit && c.intoNextYear >= -c.limit).toBe(true);
      // Only what exceeds the limit waits two years, and it has the result's sign.
      const abs = c.result < 0n ? -c.result : c.result;
      expect(c.intoYearAfterNext === 0n).toBe(abs <= c.limit);
      // The limit depends on the budget alone: another actual cost with the same result keeps the split.
      const same = carryOver({ actualIncome: income - cost + otherCost, actualCost: otherCost, costBasis: basis });
      expect(same).toEqual(c);
    }), { numRuns: 1000 });
  });
});
