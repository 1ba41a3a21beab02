import { terminationEndDate, terminationRuleFor } from './termination-notice';

describe('the end date after notice (1 month, to the end of a month)', () => {
  it.each([
    ['2026-11-23', '2026-12-31', 'an ordinary day'],
    ['2026-01-31', '2026-02-28', 'the 31st, into a common-year February'],
    ['2028-01-31', '2028-02-29', 'the 31st, into a leap-year February'],
    ['2027-12-31', '2028-01-31', 'the last day of a year'],
    ['2026-12-01', '2027-01-31', 'the first day of December'],
    ['2028-02-29', '2028-03-31', 'a leap day'],
    ['2026-03-31', '2026-04-30', 'the 31st into a 30-day month'],
  ])('notice given %s ends %s (%s)', (given, end) => {
    expect(terminationEndDate(given)).toBe(end);
  });

  it('follows a region that asks for three months and no rounding to the month end', () => {
    const rule = terminationRuleFor('1084', { TERMINATION_RULES: '{"1084":{"noticeMonths":3,"toEndOfMonth":false}}' });
    expect(terminationEndDate('2026-11-30', rule)).toBe('2027-02-28');
    expect(terminationEndDate('2026-11-15', rule)).toBe('2027-02-15');
    expect(terminationRuleFor('1081', {})).toEqual({ noticeMonths: 1, toEndOfMonth: true });
  });
});
