import { divideRounded, formatKroner, type Oere } from '../../domain/money';

/*
 * Styringsdata: what a municipality places and pays, per target group, paragraph and month, from
 * the statements it was billed (settlement is the only source of spend). Pure arithmetic: no
 * framework, no database. Figures are aggregates; a cell with fewer than MIN_PLACEMENTS placements
 * is suppressed (its figures are not shown at all), so no citizen can be singled out.
 */

export const MIN_PLACEMENTS = 5;

/** Who runs the offer, seen from the paying municipality: its own offer, one bought from another public operator, or a private one. */
export type Relation = 'own' | 'bought' | 'private';

/** One placement's billed days and spend in one month (all its statement lines of that month added up). */
export interface PlacementMonth {
  placementId: string;
  month: string;
  payingMunicipality: string;
  operator: string;
  targetGroup: string;
  paragraph: string;
  /** Days of stay billed (special-measure lines add spend, not days). */
  days: number;
  spend: Oere;
}

export interface Figures {
  /** Distinct placements billed in the cell (one citizen per placement). */
  placements: number;
  days: number;
  spend: string;
  /** Spend per billed day, kroner; null when no day was billed. */
  averageDayRate: string | null;
  /** Shares of the billed days, percent to one decimal: own offers, bought from other public operators, private. */
  shares: Record<Relation, number>;
}

export type Cell<K> = K & ({ suppressed: false; figures: Figures } | { suppressed: true; figures: null });

export function relationOf(operator: string, payingMunicipality: string): Relation {
  if (operator.startsWith('private:')) return 'private';
  return operator === `municipality:${payingMunicipality}` ? 'own' : 'bought';
}

const percent = (part: number, whole: number): number => (whole === 0 ? 0 : Math.round((part * 1000) / whole) / 10);

/** The figures of a set of placement months; `placements` counts each placement once however many months it spans. */
export function figuresOf(rows: readonly PlacementMonth[]): Figures {
  const placements = new Set<string>();
  const daysBy: Record<Relation, number> = { own: 0, bought: 0, private: 0 };
  let spend = 0n;
  for (const r of rows) {
    placements.add(r.placementId);
    daysBy[relationOf(r.operator, r.payingMunicipality)] += r.days;
    spend += r.spend;
  }
  const days = daysBy.own + daysBy.bought + daysBy.private;
  return {
    placements: placements.size, days, spend: formatKroner(spend),
    averageDayRate: days ? formatKroner(divideRounded(spend, BigInt(days))) : null,
    shares: { own: percent(daysBy.own, days), bought: percent(daysBy.bought, days), private: percent(daysBy.private, days) },
  };
}

/** A cell shown only when it holds at least MIN_PLACEMENTS placements. */
export function cellOf<K extends object>(key: K, rows: readonly PlacementMonth[]): Cell<K> {
  const figures = figuresOf(rows);
  return figures.placements < MIN_PLACEMENTS ? { ...key, suppressed: true, figures: null } : { ...key, suppressed: false, figures };
}

function groupBy<T>(rows: readonly T[], keyOf: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}

export interface CellKey { payingMunicipality: string; month: string; targetGroup: string; paragraph: string }

/** Municipality × target group × paragraph × month, sorted by those keys. */
export function steeringCells(rows: readonly PlacementMonth[]): Cell<CellKey>[] {
  return [...groupBy(rows, (r) => `${r.payingMunicipality}|${r.month}|${r.targetGroup}|${r.paragraph}`).values()]
    .map((group) => {
      const { payingMunicipality, month, targetGroup, paragraph } = group[0];
      return cellOf({ payingMunicipality, month, targetGroup, paragraph }, group);
    })
    .sort((a, b) => `${a.payingMunicipality}|${a.month}|${a.targetGroup}|${a.paragraph}`.localeCompare(`${b.payingMunicipality}|${b.month}|${b.targetGroup}|${b.paragraph}`));
}

/** One figure per month of `months` (a month without billing is a suppressed cell, as is a month under the threshold). */
export function trend(rows: readonly PlacementMonth[], months: readonly string[]): Cell<{ month: string }>[] {
  const byMonth = groupBy(rows, (r) => r.month);
  return months.map((month) => cellOf({ month }, byMonth.get(month) ?? []));
}

/** Each municipality's figures over the whole period. */
export function municipalityTotals(rows: readonly PlacementMonth[]): Cell<{ payingMunicipality: string }>[] {
  return [...groupBy(rows, (r) => r.payingMunicipality).entries()]
    .map(([payingMunicipality, group]) => cellOf({ payingMunicipality }, group))
    .sort((a, b) => a.payingMunicipality.localeCompare(b.payingMunicipality));
}

/**
 * Other municipalities without their names: ranked by average day rate (highest first), each only
 * with its rate and shares, and only when it has MIN_PLACEMENTS placements in the period. The
 * municipality asking is marked `self` so it can find itself in the ranking.
 */
export function anonymisedRanking(rows: readonly PlacementMonth[], self: string): { rank: number; self: boolean; averageDayRate: string; shares: Figures['shares'] }[] {
  return municipalityTotals(rows)
    .filter((c): c is Cell<{ payingMunicipality: string }> & { suppressed: false; figures: Figures } => !c.suppressed && c.figures.averageDayRate !== null)
    .map((c) => ({ self: c.payingMunicipality === self, averageDayRate: c.figures.averageDayRate!, shares: c.figures.shares }))
    .sort((a, b) => Number(b.averageDayRate) - Number(a.averageDayRate))
    .map((r, i) => ({ rank: i + 1, ...r }));
}

/** The months from `from` to `to`, both included ("2026-01" … "2026-03"). */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [y, m] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  while (y < ty || (y === ty && m <= tm)) {
    months.push(`${y}-${String(m).padStart(2, '0')}`);
    m = m === 12 ? 1 : m + 1;
    if (m === 1) y++;
  }
  return months;
}

export const MAX_MONTHS = 36;
