import 'reflect-metadata';
import { RuleViolation } from '../rule-violation';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

/*
 * Enkeltydelser: offers that sell units (hours, sessions, courses, assessments, visits of a
 * travelling specialist team) instead of days in a place. Capacity is units per week or month.
 */

export const SERVICE_KINDS = ['hours', 'sessions', 'course', 'assessment', 'team-visit'] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];

export const SERVICE_KIND_TERMS: readonly { kind: ServiceKind; da: string; en: string; unitDa: string; unitEn: string }[] = [
  { kind: 'hours', da: 'Timer (fx aflastning, støtte)', en: 'Hours (e.g. respite, support)', unitDa: 'time', unitEn: 'hour' },
  { kind: 'sessions', da: 'Sessioner (fx behandling, terapi)', en: 'Sessions (e.g. treatment, therapy)', unitDa: 'session', unitEn: 'session' },
  { kind: 'course', da: 'Kurser og forløb', en: 'Courses', unitDa: 'kursusplads', unitEn: 'course seat' },
  { kind: 'assessment', da: 'Udredninger', en: 'Assessments', unitDa: 'udredning', unitEn: 'assessment' },
  { kind: 'team-visit', da: 'Besøg af rejsehold (specialistteam)', en: 'Visits of a travelling specialist team', unitDa: 'besøg', unitEn: 'visit' },
];

/** The period a unit capacity counts in. */
export const UNIT_PERIODS = ['week', 'month'] as const;
export type UnitPeriod = (typeof UNIT_PERIODS)[number];

/** A period as text: `2026-12` (month) or `2026-W50` (ISO week). */
export const MONTH_PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;
export const WEEK_PERIOD = /^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/;
export const PERIOD = /^\d{4}-((0[1-9]|1[0-2])|W(0[1-9]|[1-4]\d|5[0-3]))$/;

/** What an offer without places sells: units of one kind, so many per week or month. */
export class UnitCapacity {
  @IsIn(SERVICE_KINDS) kind: ServiceKind;
  @IsIn(UNIT_PERIODS) per: UnitPeriod;
  @IsInt() @Min(1) @Max(100000) unitsPerPeriod: number;
  /** A travelling team's regions of travel (region codes); only for `team-visit`. */
  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(5) @Matches(/^108[1-5]$/, { each: true }) travelRegions?: string[];
}

function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Monday of ISO week 1 of `year`: the week that holds 4 January. */
function firstIsoMonday(year: number): Date {
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const weekday = (jan4.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return new Date(Date.UTC(year, 0, 4 - weekday));
}

/** The first and last day of a period (`2026-12` or `2026-W50`); null when it is no such period (week 53 of a 52-week year). */
export function periodBounds(period: string): { first: string; last: string } | null {
  if (MONTH_PERIOD.test(period)) {
    const [y, m] = period.split('-').map(Number);
    return { first: `${period}-01`, last: isoDay(new Date(Date.UTC(y, m, 0))) };
  }
  if (WEEK_PERIOD.test(period)) {
    const [year, week] = [Number(period.slice(0, 4)), Number(period.slice(6))];
    const monday = new Date(firstIsoMonday(year).getTime() + (week - 1) * 7 * 86_400_000);
    const sunday = new Date(monday.getTime() + 6 * 86_400_000);
    if (firstIsoMonday(year + 1) <= monday) return null;
    return { first: isoDay(monday), last: isoDay(sunday) };
  }
  return null;
}

/** The period a day falls in, counted `per` week (ISO week) or month. */
export function periodOf(date: string, per: UnitPeriod): string {
  if (per === 'month') return date.slice(0, 7);
  const day = new Date(`${date}T00:00:00Z`);
  let year = day.getUTCFullYear();
  if (day >= firstIsoMonday(year + 1)) year += 1;
  else if (day < firstIsoMonday(year)) year -= 1;
  const week = Math.floor((day.getTime() - firstIsoMonday(year).getTime()) / (7 * 86_400_000)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** Whether a period is counted `per` week or month. */
export function periodKind(period: string): UnitPeriod | null {
  return MONTH_PERIOD.test(period) ? 'month' : WEEK_PERIOD.test(period) ? 'week' : null;
}

/**
 * The bounds of a period given for an offer that counts its units `per` week or month; a period of
 * the other kind, or no period at all, is refused (400 naming `period`). Offers and visitation both
 * ask it: one rule, one place.
 */
export function periodAsOfferCounts(period: string, per: UnitPeriod): { first: string; last: string } {
  const bounds = periodBounds(period);
  if (!bounds || periodKind(period) !== per) {
    throw new RuleViolation('period', 'period-as-offer-counts', `the offer counts its units per ${per}: give a period like ${per === 'week' ? '2026-W50' : '2026-12'}`, 400);
  }
  return bounds;
}
