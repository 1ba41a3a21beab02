import { isCalendarDate } from './calendar-date';

describe('the one date type', () => {
  it.each(['2027-02-30', '2026-02-29', '0000-01-01', '2027-13-01', '2027-00-10', '2027-1-01', '27-01-01', '2027-01-01T00:00:00Z', '9999-12-31', ''])('refuses %j', (text) => {
    expect(isCalendarDate(text)).toBe(false);
  });

  it.each(['2028-02-29', '2027-12-31', '1900-01-01', '2199-12-31'])('accepts %s', (text) => {
    expect(isCalendarDate(text)).toBe(true);
  });

  it('keeps to a narrower range when a field sets one', () => {
    expect(isCalendarDate('2019-12-31', '2020-01-01')).toBe(false);
  });
});
