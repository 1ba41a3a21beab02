/**
 * When an announced closure or reduction may take effect. Residents get at least `noticeMonths`
 * months' notice, and the change falls on the first weekday (Monday-Friday) of a month.
 * Each region sets its own rule; the default is 3 months. Public holidays are not counted.
 * Dates are calendar dates, `YYYY-MM-DD`.
 */
export interface NoticeRule {
  noticeMonths: number;
}

export const DEFAULT_NOTICE_RULE: NoticeRule = { noticeMonths: 3 };

export function parseDate(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

export function formatDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Same day `months` later; the last day of the month when that day does not exist (31 Jan + 1 = 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const d = parseDate(date);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), lastDay));
  return formatDate(target);
}

/** The first Monday-Friday of the month `date` falls in. */
export function firstWeekdayOfMonth(date: string): string {
  const d = parseDate(date);
  const first = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
  const weekday = first.getUTCDay(); // 0 Sunday, 6 Saturday
  first.setUTCDate(weekday === 6 ? 3 : weekday === 0 ? 2 : 1);
  return formatDate(first);
}

/** The earliest date a change announced `today` may take effect. */
export function earliestEffectiveDate(today: string, rule: NoticeRule): string {
  const minimum = addMonths(today, rule.noticeMonths);
  const candidate = firstWeekdayOfMonth(minimum);
  if (candidate >= minimum) return candidate;
  return firstWeekdayOfMonth(addMonths(`${minimum.slice(0, 7)}-01`, 1));
}

export type NoticeCheck = { ok: true } | { ok: false; earliest: string; problem: 'too-early' | 'not-first-weekday' };

export function checkEffectiveDate(effectiveDate: string, today: string, rule: NoticeRule): NoticeCheck {
  const earliest = earliestEffectiveDate(today, rule);
  if (effectiveDate < earliest) return { ok: false, earliest, problem: 'too-early' };
  if (firstWeekdayOfMonth(effectiveDate) !== effectiveDate) return { ok: false, earliest, problem: 'not-first-weekday' };
  return { ok: true };
}

/** Per-region rules from `OFFER_NOTICE_RULES`, e.g. `{"1082":{"noticeMonths":4}}`; others get the default. */
export function noticeRuleFor(regionCode: string, env: NodeJS.ProcessEnv = process.env): NoticeRule {
  const configured = env.OFFER_NOTICE_RULES ? (JSON.parse(env.OFFER_NOTICE_RULES) as Record<string, Partial<NoticeRule>>) : {};
  return { ...DEFAULT_NOTICE_RULE, ...(configured[regionCode] ?? {}) };
}
