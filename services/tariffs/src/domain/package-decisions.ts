import type { HeldPlacementMonth, PlacementPeriod } from './settlement';

/**
 * The packages a running placement uses from `date` on: the one in force that day and any change
 * after it. A tariff for the year starting at `date` must price each of them.
 */
export function packagesInUseFrom(p: Pick<PlacementPeriod, 'packages' | 'endDate'>, date: string): string[] {
  if (p.endDate !== null && p.endDate < date) return [];
  const packages = [...p.packages].sort((a, b) => a.effectiveDate.localeCompare(b.effectiveDate));
  const inForce = [...packages].reverse().find((c) => c.effectiveDate <= date) ?? packages[0];
  const later = packages.filter((c) => c.effectiveDate > date && (p.endDate === null || c.effectiveDate <= p.endDate));
  return [...new Set([inForce, ...later].filter(Boolean).map((c) => c.packageCode))];
}

export interface DroppedPackageWarning {
  rule: 'package-dropped';
  packageCode: string;
  /** Running placements that use the package in the tariff's year. */
  placements: number;
  message: string;
}

/**
 * What a new year's tariff must warn of before it is approved: packages that running placements use
 * in that year and the tariff has no rate for. Those placement months would be held back at the
 * month close until the acting municipality decides on another package.
 */
export function droppedPackages(year: number, rates: Record<string, unknown>, placements: Pick<PlacementPeriod, 'packages' | 'endDate'>[]): DroppedPackageWarning[] {
  const counts = new Map<string, number>();
  for (const p of placements) {
    for (const code of packagesInUseFrom(p, `${year}-01-01`)) {
      if (code !== 'base' && !(code in rates)) counts.set(code, (counts.get(code) ?? 0) + 1);
    }
  }
  return [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([packageCode, n]) => ({
    rule: 'package-dropped', packageCode, placements: n,
    message: `Ydelsespakke ${packageCode} findes ikke i takst ${year}, men ${n} igangværende ${n === 1 ? 'anbringelse bruger' : 'anbringelser bruger'} den; `
      + `de holdes tilbage ved månedsafslutningen, indtil der er truffet en pakkebeslutning.`,
  }));
}

/** Why a placement month is held back, as the operator and the acting municipality read it. */
export function heldReason(h: Pick<HeldPlacementMonth, 'packageCode' | 'tariffYear' | 'from' | 'to' | 'days'>): string {
  return `Ydelsespakke ${h.packageCode} findes ikke i takst ${h.tariffYear} (${h.days} ${h.days === 1 ? 'dag' : 'dage'}, ${h.from} til ${h.to}). `
    + 'Måneden afregnes ikke, før anbringelsen har fået en ydelsespakke, som taksten har, eller taksten får pakken.';
}

/** Why a placement month is held back when the offer has no published tariff for the year at all. */
export function noTariffReason(h: Pick<HeldPlacementMonth, 'tariffYear' | 'from' | 'to' | 'days'>): string {
  return `Tilbuddet har ingen offentliggjort takst for ${h.tariffYear} (${h.days} ${h.days === 1 ? 'dag' : 'dage'}, ${h.from} til ${h.to}). `
    + 'Måneden afregnes, når taksten er offentliggjort.';
}
