import { findMunicipality } from '@tilbudsnet/contracts';
import type { StatementView } from './statement-view';

/** The Danish word of a statement line's kind, beside its code. */
const LINE_KINDS: Record<string, string> = { stay: 'Ophold', 'special-measure': 'Særlig foranstaltning', units: 'Enkeltydelse (leverede enheder)' };

export const STATEMENT_COLUMNS = ['placement', 'art (kode)', 'art', 'fra', 'til', 'dage', 'ydelsespakke', 'døgntakst', 'beløb', 'for sent (SEL §174 stk. 2)', 'enheder'];

/** "Frederiksberg Kommune (0147)": the name a reader knows, with the code beside it. */
export function municipalityLabel(code: string): string {
  const m = findMunicipality(code);
  return m ? `${m.name} Kommune (${code})` : code;
}

/** The statement's title line: which month, who pays, who invoices (names with their codes), invoice and due date. */
export function statementTitle(s: StatementView, operatorName: string | null): string {
  const kind = s.supplement ? `Tillægsafregning ${s.supplement} for` : 'Afregning';
  const operator = operatorName ? `${operatorName} (${s.operator})` : s.operator;
  return `${kind} ${s.month}: betalingskommune ${municipalityLabel(s.payingMunicipality)}, driftsherre ${operator}, fakturadato ${s.invoiceDate}, forfald ${s.dueDate}`;
}

/** One row per line, codes and names in their own columns; amounts as kroner text ("1891.96"). */
export function statementRows(s: StatementView): (string | number)[][] {
  return s.lines.map((l) => [l.placementId, l.kind, LINE_KINDS[l.kind] ?? l.kind, l.from, l.to, l.days, l.packageCode, l.dayRate, l.amount, l.lateClaim ? 'ja' : 'nej', l.units ?? '']);
}
