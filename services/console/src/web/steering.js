// Styringsdata: what a municipality places and pays per target group, paragraph and month, from the
// statements it was billed. Officers see their own municipality beside the region and the country
// and the region's other municipalities ranked without names; the secretariat sees its region's
// municipalities by name. Figures for under 5 placements are never shown (the service leaves them out).
import { groupName, lang, me, municipalityName, paragraphLabel, regionName, t } from './app.js';
import { formatAmount } from './formats.js';
import { api, download, el, field, message, svg } from './ui.js';

const MONTH = /^20\d{2}-(0[1-9]|1[0-2])$/;
const COLOURS = { self: '#0a3d6b', other: '#6b7785', line: '#0a3d6b' };
const percent = (n) => `${Number(n).toLocaleString(lang() === 'da' ? 'da-DK' : 'en-GB', { maximumFractionDigits: 1 })} %`;
const count = (n) => Number(n).toLocaleString(lang() === 'da' ? 'da-DK' : 'en-GB');

function periodForm(from, to) {
  const form = el('form', { class: 'panel', id: 'steering-period', onsubmit: (e) => { e.preventDefault(); location.hash = `#/steering?from=${form.from.value}&to=${form.to.value}`; } },
    el('div', { class: 'fields' },
      field(t('fromMonth'), el('input', { name: 'from', type: 'month', value: from, required: true }), t('monthHint')),
      field(t('toMonth'), el('input', { name: 'to', type: 'month', value: to, required: true }), t('monthHint'))),
    el('div', { class: 'actions' }, el('button', { class: 'primary', type: 'submit' }, t('show'))));
  return form;
}

/** The figures' cells of a table row; one cell saying so when the row is suppressed. */
function figureCells(cell, columns = 6) {
  if (cell.suppressed) return [el('td', { colspan: columns }, t('suppressedCell'))];
  const f = cell.figures;
  return [
    el('td', { class: 'number' }, count(f.placements)), el('td', { class: 'number' }, count(f.days)), el('td', { class: 'number' }, formatAmount(f.spend, lang())),
    el('td', { class: 'number' }, formatAmount(f.averageDayRate, lang())), el('td', { class: 'number' }, percent(f.shares.own)),
    el('td', { class: 'number' }, `${percent(f.shares.bought)} / ${percent(f.shares.private)}`),
  ];
}
const FIGURE_HEADERS = () => [t('placementsCount'), t('days'), t('spend'), t('averageDayRate'), t('ownShare'), t('boughtPrivateShare')];

function table(id, caption, headers, rows) {
  return el('div', { class: 'scroll', role: 'region', 'aria-labelledby': `${id}-caption`, tabindex: '0' }, el('table', { id },
    el('caption', { id: `${id}-caption` }, caption),
    el('thead', {}, el('tr', {}, ...headers.map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, ...rows)));
}

/** Spend per month as a line (a suppressed month is a gap), with the same figures in the table below it. */
function trendChart(trend, title) {
  const width = 760; const height = 200;
  const values = trend.map((m) => (m.suppressed ? null : Number(m.figures.spend)));
  const max = Math.max(1, ...values.filter((v) => v !== null));
  const x = (i) => 60 + (trend.length === 1 ? (width - 80) / 2 : (i * (width - 80)) / (trend.length - 1));
  const y = (v) => height - 24 - (v / max) * (height - 44);
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'chart', role: 'img', 'aria-label': title });
  let run = [];
  const flush = () => { if (run.length > 1) chart.append(svg('polyline', { fill: 'none', stroke: COLOURS.line, 'stroke-width': 3, points: run.join(' ') })); run = []; };
  values.forEach((v, i) => {
    if (v === null) { flush(); return; }
    run.push(`${x(i)},${y(v)}`);
    chart.append(svg('circle', { cx: x(i), cy: y(v), r: 4, fill: COLOURS.line }));
  });
  flush();
  chart.append(svg('text', { x: 60, y: height - 4 }, trend[0]?.month ?? ''), svg('text', { x: width - 80, y: height - 4 }, trend[trend.length - 1]?.month ?? ''));
  chart.append(svg('text', { x: 0, y: 14 }, formatAmount(String(max), lang())));
  return chart;
}

/** Horizontal bars of the average day rate, highest first; each bar labelled in words (not colour alone). */
function rankedBars(bars, title) {
  const width = 760; const rowHeight = 26;
  const max = Math.max(1, ...bars.map((b) => Number(b.rate)));
  const chart = svg('svg', { viewBox: `0 0 ${width} ${bars.length * rowHeight + 6}`, class: 'chart', role: 'img', 'aria-label': title });
  bars.forEach((b, i) => {
    const y = i * rowHeight + 3;
    const w = Math.max(1, Math.round((Number(b.rate) / max) * (width - 360)));
    chart.append(svg('text', { x: 0, y: y + 15, 'font-weight': b.self ? 'bold' : 'normal' }, b.label),
      svg('rect', { x: 220, y, width: w, height: 18, fill: b.self ? COLOURS.self : COLOURS.other }),
      svg('text', { x: 226 + w, y: y + 15 }, formatAmount(b.rate, lang())));
  });
  return chart;
}

function benchmarkRows(first, benchmarks) {
  return [
    el('tr', {}, el('th', { scope: 'row' }, first.label), ...figureCells(first.cell)),
    el('tr', {}, el('th', { scope: 'row' }, t('regionAverage')), ...figureCells(benchmarks.region)),
    el('tr', {}, el('th', { scope: 'row' }, t('countryAverage')), ...figureCells(benchmarks.country)),
  ];
}

function cellRows(cells, withMunicipality) {
  return cells.map((c) => el('tr', {},
    ...(withMunicipality ? [el('td', {}, municipalityName(c.payingMunicipality))] : []),
    el('th', { scope: 'row' }, c.month), el('td', {}, c.targetGroup === 'unknown' ? t('notStated') : groupName(c.targetGroup)),
    el('td', {}, c.paragraph === 'unknown' ? t('notStated') : paragraphLabel(c.paragraph)), ...figureCells(c)));
}

function exports(path, period, name) {
  const progress = el('progress', { hidden: true, 'aria-label': t('exporting') });
  const query = `?from=${period.from}&to=${period.to}`;
  return el('div', { class: 'actions' },
    el('button', { type: 'button', class: 'secondary', onclick: () => download(`${path}/csv${query}`, `${name}.csv`, progress) }, t('exportCsv')),
    el('button', { type: 'button', class: 'secondary', onclick: () => download(`${path}/xlsx${query}`, `${name}.xlsx`, progress) }, t('exportXlsx')),
    progress);
}

function trendSection(trend, title) {
  return el('section', { 'aria-labelledby': 'trend-heading' }, el('h2', { id: 'trend-heading' }, title), trendChart(trend, title),
    table('trend-table', title, [t('month'), ...FIGURE_HEADERS()], trend.map((m) => el('tr', {}, el('th', { scope: 'row' }, m.month), ...figureCells(m)))));
}

async function steeringPage({ query }) {
  const who = me();
  const asked = (key) => (MONTH.test(query.get(key) ?? '') ? query.get(key) : null);
  const search = new URLSearchParams();
  if (asked('from')) search.set('from', asked('from'));
  if (asked('to')) search.set('to', asked('to'));
  const path = who.role === 'kkr-secretariat' ? `/tariffs/steering/regions/${who.region}` : `/tariffs/steering/municipalities/${who.municipality}`;
  let data;
  try {
    data = await api(`${path}${search.size ? `?${search}` : ''}`);
  } catch (error) {
    return [el('h1', {}, t('steeringNav')), periodForm(asked('from') ?? '', asked('to') ?? ''), message(error.message, 'error')];
  }
  const headerCells = [t('month'), t('targetGroup'), t('paragraph'), ...FIGURE_HEADERS()];
  const intro = [el('h1', {}, `${t('steeringNav')}: ${who.role === 'kkr-secretariat' ? regionName(data.region) : municipalityName(data.municipality)}`),
    el('p', {}, t('steeringIntro')), periodForm(data.from, data.to)];
  if (who.role === 'kkr-secretariat') {
    const named = data.municipalities.filter((m) => !m.suppressed && m.figures.averageDayRate !== null)
      .sort((a, b) => Number(b.figures.averageDayRate) - Number(a.figures.averageDayRate))
      .map((m) => ({ label: municipalityName(m.payingMunicipality), rate: m.figures.averageDayRate, self: false }));
    return [...intro,
      table('benchmark-table', t('benchmarks'), [t('comparedArea'), ...FIGURE_HEADERS()], [
        el('tr', {}, el('th', { scope: 'row' }, regionName(data.region)), ...figureCells(data.benchmarks.region)),
        el('tr', {}, el('th', { scope: 'row' }, t('countryAverage')), ...figureCells(data.benchmarks.country))]),
      el('h2', {}, t('rankingRegion')), named.length ? rankedBars(named, t('rankingRegion')) : el('p', {}, t('none')),
      table('municipality-table', t('municipalitiesInRegion'), [t('municipality'), ...FIGURE_HEADERS()],
        data.municipalities.map((m) => el('tr', {}, el('th', { scope: 'row' }, municipalityName(m.payingMunicipality)), ...figureCells(m)))),
      trendSection(data.trend, t('spendTrend')),
      table('steering-cells', t('steeringCells'), [t('municipality'), ...headerCells], cellRows(data.cells, true)),
      exports(path, data, `styringsdata-${data.region}-${data.from}-${data.to}`)];
  }
  const bars = data.ranking.map((r) => ({ label: r.self ? t('thisMunicipality') : `${t('otherMunicipality')} ${r.rank}`, rate: r.averageDayRate, self: r.self }));
  return [...intro,
    table('benchmark-table', t('benchmarks'), [t('comparedArea'), ...FIGURE_HEADERS()], benchmarkRows({ label: t('thisMunicipality'), cell: data.total }, data.benchmarks)),
    el('h2', {}, t('rankingAnonymous')), bars.length ? rankedBars(bars, t('rankingAnonymous')) : el('p', {}, t('none')),
    trendSection(data.trend, t('spendTrend')),
    table('steering-cells', t('steeringCells'), headerCells, cellRows(data.cells, false)),
    exports(path, data, `styringsdata-${data.municipality}-${data.from}-${data.to}`)];
}

export const steeringPages = { steering: steeringPage };
