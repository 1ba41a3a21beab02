import type { NeedForecast } from './demand-forecast';

/** One target group of a region's capacity-and-need report. */
export interface NeedRow {
  targetGroup: string;
  targetGroupName: string;
  /** Places the region's municipalities reported they expect to need (their sum); null when none reported. */
  reported: number | null;
  forecast: NeedForecast;
}

export interface CapacityReport {
  regionName: string;
  year: number;
  introduction: string;
  conclusions: string;
  rows: NeedRow[];
  warnings: { raisedOn: string; subject: string; description: string }[];
  closures: { offerName: string; effectiveDate: string; places: number }[];
  status: 'draft' | 'published';
  publishedAt: string | null;
}

/**
 * The report's stylesheet, served beside it (`…/report.css`): a linked file, not an inline style, so the
 * Content-Security-Policy of the API and of the console (styles from their own origin only) lets it apply.
 */
export const CAPACITY_REPORT_CSS = 'body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}table{border-collapse:collapse;width:100%}th,td{border:1px solid #888;padding:.3rem .5rem;text-align:right}th[scope=row],thead th:first-child{text-align:left}.short{font-weight:700}@media print{body{margin:0}}\n';

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const number = (n: number) => n.toLocaleString('da-DK', { maximumFractionDigits: 1 });
const day = (iso: string) => iso.split('-').reverse().join('.');
const paragraphs = (text: string) => text.split(/\n{2,}/).filter((p) => p.trim()).map((p) => `<p>${escape(p.trim())}</p>`).join('\n');

/**
 * The yearly kapacitets- og behovsopgørelse for a region as a printable Danish HTML document: the
 * secretariat's own words, per target group supply, reported and forecast need and the gap, the
 * year's early warnings and the announced closures. Everything typed is escaped.
 */
export function renderCapacityReport(r: CapacityReport): string {
  const rows = r.rows.map((row) => `<tr><th scope="row">${escape(row.targetGroupName)}</th><td>${number(row.forecast.placesAvailable)}</td>`
    + `<td>${row.reported === null ? '–' : number(row.reported)}</td><td>${number(row.forecast.placesNeeded)}</td>`
    + `<td>${number(row.forecast.monthlyInflow)}</td><td>${number(row.forecast.meanStayMonths)}${row.forecast.stayBasis === 'current' ? '*' : ''}</td>`
    + `<td class="${row.forecast.gap > 0 ? 'short' : ''}">${row.forecast.gap > 0 ? '+' : ''}${number(row.forecast.gap)}</td></tr>`).join('\n');
  const warnings = r.warnings.length
    ? `<ul>${r.warnings.map((w) => `<li>${day(w.raisedOn)}: <strong>${escape(w.subject)}</strong>. ${escape(w.description)}</li>`).join('')}</ul>` : '<p>Ingen tidlige varslinger i året.</p>';
  const closures = r.closures.length
    ? `<ul>${r.closures.map((c) => `<li>${escape(c.offerName)}: ${number(c.places)} pladser fra ${day(c.effectiveDate)}</li>`).join('')}</ul>` : '<p>Ingen varslede lukninger eller tilpasninger.</p>';
  return `<!doctype html>
<html lang="da">
<head><meta charset="utf-8"><title>Kapacitets- og behovsopgørelse ${r.year}: ${escape(r.regionName)}</title>
<link rel="stylesheet" href="report.css"></head>
<body>
<h1>Kapacitets- og behovsopgørelse ${r.year}</h1>
<p>${escape(r.regionName)} · ${r.status === 'published' && r.publishedAt ? `offentliggjort ${day(r.publishedAt.slice(0, 10))}` : 'udkast'}</p>
<h2>Indledning</h2>
${paragraphs(r.introduction) || '<p>–</p>'}
<h2>Udbud og behov pr. målgruppe</h2>
<table>
<thead><tr><th scope="col">Målgruppe</th><th scope="col">Pladser efter varslede lukninger</th><th scope="col">Kommunernes forventede behov</th><th scope="col">Fremskrevet behov</th><th scope="col">Tilgang pr. måned</th><th scope="col">Gennemsnitligt ophold (mdr.)</th><th scope="col">Forskel</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
<p>Fremskrevet behov = fremskrevet tilgang pr. måned (eksponentiel udjævning, α = 0,3, af de seneste 24 måneders indskrivninger) × gennemsnitligt ophold + venteliste (Littles lov). * Opholdet er beregnet af de nuværende beboeres ophold indtil nu (færre end 5 afsluttede ophold) og er derfor et minimum. Forskel = fremskrevet behov − pladser efter varslede lukninger; et plus er en mangel.</p>
<h2>Tidlige varslinger i året</h2>
${warnings}
<h2>Varslede lukninger og tilpasninger</h2>
${closures}
<h2>Konklusion</h2>
${paragraphs(r.conclusions) || '<p>–</p>'}
</body>
</html>
`;
}
