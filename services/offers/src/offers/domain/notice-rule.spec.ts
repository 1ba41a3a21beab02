import { addMonths, checkEffectiveDate, earliestEffectiveDate, firstWeekdayOfMonth, noticeRuleFor } from './notice-rule';

const THREE = { noticeMonths: 3 };

describe('the notice rule for closures and reductions', () => {
  it('finds the first weekday of a month, skipping a weekend', () => {
    expect(firstWeekdayOfMonth('2027-03-15')).toBe('2027-03-01'); // Monday
    expect(firstWeekdayOfMonth('2027-05-20')).toBe('2027-05-03'); // 1 May 2027 is a Saturday
    expect(firstWeekdayOfMonth('2026-11-23')).toBe('2026-11-02'); // 1 Nov 2026 is a Sunday
  });

  it('adds months, keeping to the month\'s last day when the day does not exist', () => {
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2027-11-30', 3)).toBe('2028-02-29');
    expect(addMonths('2026-10-31', 2)).toBe('2026-12-31');
  });

  it('gives the first weekday of the month three months on, when the notice starts on the 1st', () => {
    expect(earliestEffectiveDate('2026-12-01', THREE)).toBe('2027-03-01');
  });

  it('moves to the next month when three months run past that month\'s first weekday', () => {
    expect(earliestEffectiveDate('2026-11-23', THREE)).toBe('2027-03-01');
    expect(earliestEffectiveDate('2026-12-02', THREE)).toBe('2027-04-01');
  });

  it('refuses a date inside the notice period and names the earliest allowed date', () => {
    expect(checkEffectiveDate('2027-02-01', '2026-11-23', THREE)).toEqual({ ok: false, earliest: '2027-03-01', problem: 'too-early' });
  });

  it('refuses a date that is not the first weekday of its month', () => {
    expect(checkEffectiveDate('2027-03-02', '2026-11-23', THREE)).toEqual({ ok: false, earliest: '2027-03-01', problem: 'not-first-weekday' });
    expect(checkEffectiveDate('2027-05-01', '2026-11-23', THREE)).toMatchObject({ ok: false, problem: 'not-first-weekday' });
  });

  it('accepts the earliest date and any later first weekday', () => {
    expect(checkEffectiveDate('2027-03-01', '2026-11-23', THREE)).toEqual({ ok: true });
    expect(checkEffectiveDate('2027-05-03', '2026-11-23', THREE)).toEqual({ ok: true });
  });

  it('lets a region set a longer notice', () => {
    expect(noticeRuleFor('1082', { OFFER_NOTICE_RULES: '{"1082":{"noticeMonths":4}}' })).toEqual({ noticeMonths: 4 });
    expect(noticeRuleFor('1081', { OFFER_NOTICE_RULES: '{"1082":{"noticeMonths":4}}' })).toEqual({ noticeMonths: 3 });
  });
});
