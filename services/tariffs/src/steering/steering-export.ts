import { TARGET_GROUPS } from '@tilbudsnet/contracts';
import { safeSpreadsheetText } from '@tilbudsnet/platform';
import { Workbook } from 'exceljs';
import { municipalityLabel } from '../read-statements/statement-export';
import type { Cell, CellKey } from './domain/steering-figures';

type Value = string | number;
const SUPPRESSED = 'færre end 5';

/** Columns of the steering data's CSV and Excel, in Danish: each code with its name beside it; a suppressed cell says so instead of figures. */
const COLUMNS: [string, (c: Cell<CellKey>) => Value][] = [
  ['Betalingskommune (kode)', (c) => c.payingMunicipality], ['Betalingskommune', (c) => municipalityLabel(c.payingMunicipality)],
  ['Måned', (c) => c.month],
  ['Målgruppe (kode)', (c) => c.targetGroup], ['Målgruppe', (c) => TARGET_GROUPS.find((g) => g.id === c.targetGroup)?.da ?? 'ikke oplyst'],
  ['Paragraf', (c) => (c.paragraph === 'unknown' ? 'ikke oplyst' : `SEL § ${c.paragraph}`)],
  ['Anbragte', (c) => c.figures?.placements ?? SUPPRESSED], ['Dage', (c) => c.figures?.days ?? SUPPRESSED],
  ['Udgift (kr.)', (c) => (c.figures ? Number(c.figures.spend) : SUPPRESSED)],
  ['Gns. døgnpris (kr.)', (c) => (c.figures ? (c.figures.averageDayRate === null ? '' : Number(c.figures.averageDayRate)) : SUPPRESSED)],
  ['Egne tilbud (% af dage)', (c) => c.figures?.shares.own ?? SUPPRESSED], ['Købt hos andre offentlige (% af dage)', (c) => c.figures?.shares.bought ?? SUPPRESSED],
  ['Private (% af dage)', (c) => c.figures?.shares.private ?? SUPPRESSED],
];

export const STEERING_EXPORT_HEADER: readonly string[] = COLUMNS.map(([label]) => label);
/** 1-based columns holding kroner, for the spreadsheet's number format. */
export const STEERING_AMOUNT_COLUMNS = ['Udgift (kr.)', 'Gns. døgnpris (kr.)'].map((label) => STEERING_EXPORT_HEADER.indexOf(label) + 1);

export function steeringExportRows(cells: readonly Cell<CellKey>[]): Value[][] {
  return cells.map((c) => COLUMNS.map(([, value]) => value(c)));
}

/** Semicolon-separated with decimal commas, as Danish spreadsheets read it; text cells neutralised. */
export function steeringCsv(title: string, cells: readonly Cell<CellKey>[]): string {
  const cell = (v: Value) => (typeof v === 'number' ? String(v).replace('.', ',') : safeSpreadsheetText(v).replace(/[;\r\n]/g, ','));
  return [`# ${title}`, STEERING_EXPORT_HEADER.join(';'), ...steeringExportRows(cells).map((r) => r.map(cell).join(';'))].join('\n') + '\n';
}

export async function steeringXlsx(title: string, cells: readonly Cell<CellKey>[]): Promise<Buffer> {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet('Styringsdata');
  sheet.addRow([safeSpreadsheetText(title)]);
  sheet.addRow([...STEERING_EXPORT_HEADER]);
  for (const r of steeringExportRows(cells)) sheet.addRow(r.map((v) => (typeof v === 'string' ? safeSpreadsheetText(v) : v)));
  for (const column of STEERING_AMOUNT_COLUMNS) sheet.getColumn(column).numFmt = '#,##0.00';
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
