import { TARGET_GROUPS, findRegion } from '@tilbudsnet/contracts';
import type { SupplyRow } from './supply-figures';

type Cell = string | number | boolean | null;

/** Columns of the monitor's CSV and Excel, in Danish: each code with its name in the next column. */
const COLUMNS: [string, (r: SupplyRow) => Cell][] = [
  ['Regionskode', (r) => r.regionCode], ['Region', (r) => findRegion(r.regionCode)?.name ?? r.regionCode],
  ['Målgruppe (kode)', (r) => r.targetGroup], ['Målgruppe', (r) => TARGET_GROUPS.find((g) => g.id === r.targetGroup)?.da ?? r.targetGroup],
  ['Paragraf', (r) => `SEL § ${r.paragraph}`], ['National koordination', (r) => r.nationalCoordination],
  ['Godkendte pladser', (r) => r.approved], ['Belagte pladser', (r) => r.occupied], ['Reserverede pladser', (r) => r.reserved], ['Ledige pladser', (r) => r.vacant],
  ['Venteliste', (r) => r.waiting], ['Median ventetid (dage)', (r) => r.medianWaitDays], ['Varslede lukninger (12 mdr.)', (r) => r.closuresAnnounced],
  ['Pladser der lukker eller tilpasses (12 mdr.)', (r) => r.placesClosingOrReduced], ['Åbne tidlige varslinger', (r) => r.openEarlyWarnings],
  ['Anbringelser på tværs af kommunegrænser', (r) => r.crossBorderPlacements],
];

export const SUPPLY_EXPORT_HEADER: readonly string[] = COLUMNS.map(([label]) => label);

/** The monitor's rows as export rows: yes/no in Danish, names beside codes, numbers as numbers. */
export function supplyExportRows(rows: SupplyRow[]): (string | number | null)[][] {
  return rows.map((r) => COLUMNS.map(([, value]) => {
    const v = value(r);
    return typeof v === 'boolean' ? (v ? 'ja' : 'nej') : v;
  }));
}
