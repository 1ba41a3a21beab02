/*
 * The supply-obligation monitor's figures per region × target group × paragraph, from the read
 * models. Pure, so the numbers can be checked by hand. An offer serving two target groups counts in
 * both rows (the rows are a cross-tabulation, not a partition); occupied and reserved places count
 * under the placement's own target group.
 */

export interface OfferFacts {
  offerId: string;
  municipalityCode: string;
  regionCode: string;
  targetGroups: string[];
  paragraphs: { paragraph: string; approvedPlaces: number }[];
  status: string;
  closureDate: string | null;
  adjustment: { paragraph: string; approvedPlaces: number; effectiveDate: string } | null;
}

/** Placements alike in all of these, counted (the monitor groups them in SQL: a region holds tens of thousands). */
export interface PlacementFacts {
  offerId: string;
  targetGroup: string | null;
  paragraph: string | null;
  /** Placed by another municipality than the offer's own (a cross-border placement). */
  crossBorder: boolean;
  status: 'requested' | 'reserved' | 'started' | 'ended' | 'cancelled';
  count: number;
}

export interface WaitingFacts {
  targetGroup: string;
  paragraph: string;
  regionCode: string;
  addedAt: Date;
}

export interface WarningFacts {
  regionCode: string;
  targetGroups: string[];
}

export interface SupplyRow {
  regionCode: string;
  targetGroup: string;
  paragraph: string;
  nationalCoordination: boolean;
  approved: number;
  occupied: number;
  reserved: number;
  vacant: number;
  waiting: number;
  medianWaitDays: number | null;
  closuresAnnounced: number;
  placesClosingOrReduced: number;
  openEarlyWarnings: number;
  crossBorderPlacements: number;
}

export function median(values: number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function addMonths(date: Date, months: number): string {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, date.getUTCDate())).toISOString().slice(0, 10);
}

export function supplyRows(
  input: { offers: OfferFacts[]; placements: PlacementFacts[]; waiting: WaitingFacts[]; warnings: WarningFacts[]; nationalCoordination: ReadonlySet<string> },
  asOf: Date,
): SupplyRow[] {
  const rows = new Map<string, SupplyRow>();
  const row = (regionCode: string, targetGroup: string, paragraph: string) => {
    const key = `${regionCode}|${targetGroup}|${paragraph}`;
    let r = rows.get(key);
    if (!r) {
      r = {
        regionCode, targetGroup, paragraph, nationalCoordination: input.nationalCoordination.has(targetGroup), approved: 0, occupied: 0, reserved: 0,
        vacant: 0, waiting: 0, medianWaitDays: null, closuresAnnounced: 0, placesClosingOrReduced: 0, openEarlyWarnings: 0, crossBorderPlacements: 0,
      };
      rows.set(key, r);
    }
    return r;
  };
  const today = asOf.toISOString().slice(0, 10);
  const horizon = addMonths(asOf, 12);
  const within12Months = (date: string | null | undefined) => !!date && date >= today && date <= horizon;
  const offers = new Map(input.offers.filter((o) => o.status !== 'closed').map((o) => [o.offerId, o]));

  // Places held per offer and paragraph, for the offer's own vacancy per paragraph.
  const held = new Map<string, number>();
  for (const p of input.placements) {
    const offer = offers.get(p.offerId);
    if (!offer || !p.paragraph || !p.targetGroup) continue;
    if (p.status === 'started' || p.status === 'reserved') {
      const r = row(offer.regionCode, p.targetGroup, p.paragraph);
      if (p.status === 'started') r.occupied += p.count;
      else r.reserved += p.count;
      if (p.status === 'started' && p.crossBorder) r.crossBorderPlacements += p.count;
      held.set(`${p.offerId}|${p.paragraph}`, (held.get(`${p.offerId}|${p.paragraph}`) ?? 0) + p.count);
    }
  }
  for (const offer of offers.values()) {
    for (const targetGroup of offer.targetGroups) {
      for (const { paragraph, approvedPlaces } of offer.paragraphs) {
        const r = row(offer.regionCode, targetGroup, paragraph);
        r.approved += approvedPlaces;
        if (offer.status === 'active') r.vacant += Math.max(0, approvedPlaces - (held.get(`${offer.offerId}|${paragraph}`) ?? 0));
        if (within12Months(offer.closureDate)) {
          r.closuresAnnounced += 1;
          r.placesClosingOrReduced += approvedPlaces;
        } else if (offer.adjustment?.paragraph === paragraph && within12Months(offer.adjustment.effectiveDate)) {
          r.placesClosingOrReduced += Math.max(0, approvedPlaces - offer.adjustment.approvedPlaces);
        }
      }
    }
  }
  const waits = new Map<string, number[]>();
  for (const w of input.waiting) {
    const r = row(w.regionCode, w.targetGroup, w.paragraph);
    r.waiting += 1;
    const key = `${w.regionCode}|${w.targetGroup}|${w.paragraph}`;
    waits.set(key, [...(waits.get(key) ?? []), Math.floor((asOf.getTime() - w.addedAt.getTime()) / 86_400_000)]);
  }
  for (const [key, days] of waits) rows.get(key)!.medianWaitDays = median(days);
  for (const w of input.warnings) {
    for (const r of rows.values()) if (r.regionCode === w.regionCode && w.targetGroups.includes(r.targetGroup)) r.openEarlyWarnings += 1;
  }
  return [...rows.values()].sort((a, b) => a.regionCode.localeCompare(b.regionCode) || a.targetGroup.localeCompare(b.targetGroup) || a.paragraph.localeCompare(b.paragraph));
}
