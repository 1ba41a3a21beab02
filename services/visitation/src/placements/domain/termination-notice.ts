/**
 * Opsigelsesvarsel: when a placement ends after the acting municipality gives notice. Default
 * 1 month, to the end of a month (the regions' standard contract); each region sets its own.
 * Dates are calendar dates, `YYYY-MM-DD`.
 */
export interface TerminationRule {
  noticeMonths: number;
  /** End on the last day of the month the notice runs out in. */
  toEndOfMonth: boolean;
}

export const DEFAULT_TERMINATION_RULE: TerminationRule = { noticeMonths: 1, toEndOfMonth: true };

function parts(date: string): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number);
  return [y, m, d];
}

function format(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** The last day of the notice period: same day `noticeMonths` later (or that month's last day), then to month end. */
export function terminationEndDate(noticeGivenOn: string, rule: TerminationRule = DEFAULT_TERMINATION_RULE): string {
  const [y, m, d] = parts(noticeGivenOn);
  const total = m - 1 + rule.noticeMonths;
  const year = y + Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = daysInMonth(year, month);
  return format(year, month, rule.toEndOfMonth ? last : Math.min(d, last));
}

/** Per-region rules from `TERMINATION_RULES`, e.g. `{"1084":{"noticeMonths":3}}`. */
export function terminationRuleFor(regionCode: string, env: NodeJS.ProcessEnv = process.env): TerminationRule {
  const configured = env.TERMINATION_RULES ? (JSON.parse(env.TERMINATION_RULES) as Record<string, Partial<TerminationRule>>) : {};
  return { ...DEFAULT_TERMINATION_RULE, ...(configured[regionCode] ?? {}) };
}
