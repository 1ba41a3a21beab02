// KKR secretariat: the supply-obligation dashboard with charts and exports, early warnings to
// acknowledge and follow, and tariffs to approve.
import { groupName, lang, me, municipalityName, organisationName, regionName, statusName, t } from './app.js';
import { formatAmount } from './formats.js';
import { api, download, el, field, message, svg } from './ui.js';

const COLOURS = { approved: '#0a3d6b', occupied: '#2e7d32', waiting: '#b35c00' };
const number = (n) => (n === null || n === undefined ? '–' : Number(n).toLocaleString(lang() === 'da' ? 'da-DK' : 'en-GB'));

/** Grouped bars per target group; the table below carries the same numbers for screen readers. */
function barChart(groups, title) {
  const width = 760;
  const rowHeight = 54;
  const max = Math.max(1, ...groups.flatMap((g) => [g.approved, g.occupied, g.waiting]));
  const chart = svg('svg', { viewBox: `0 0 ${width} ${groups.length * rowHeight + 10}`, class: 'chart', role: 'img', 'aria-label': title });
  groups.forEach((g, i) => {
    const y = i * rowHeight + 5;
    chart.append(svg('text', { x: 0, y: y + 14 }, groupName(g.targetGroup)));
    ['approved', 'occupied', 'waiting'].forEach((key, k) => {
      const w = Math.round((g[key] / max) * (width - 260));
      chart.append(svg('rect', { x: 200, y: y + k * 15, width: Math.max(1, w), height: 12, fill: COLOURS[key] }), svg('text', { x: 206 + w, y: y + k * 15 + 10 }, number(g[key])));
    });
  });
  const legend = el('ul', { class: 'legend' }, ...[['approved', t('approvedPlaces')], ['occupied', t('occupied')], ['waiting', t('waitingList')]].map(([key, label]) => {
    const swatch = el('span', { 'aria-hidden': 'true' });
    swatch.style.background = COLOURS[key];
    return el('li', {}, swatch, label);
  }));
  return [chart, legend];
}

/** One target group's figures per day from the daily snapshots, as a line chart and a table. */
function trendChart(snapshots, targetGroup) {
  snapshots = snapshots.filter((s) => s.targetGroup === targetGroup);
  const days = [...new Set(snapshots.map((s) => s.day))].sort();
  const totals = days.map((day) => snapshots.filter((s) => s.day === day).reduce((sum, s) => ({
    approved: sum.approved + s.figures.approved, occupied: sum.occupied + s.figures.occupied, waiting: sum.waiting + s.figures.waiting }), { approved: 0, occupied: 0, waiting: 0 }));
  if (!days.length) return [el('p', {}, t('none'))];
  const width = 760; const height = 200;
  const max = Math.max(1, ...totals.flatMap((x) => [x.approved, x.occupied, x.waiting]));
  const x = (i) => 40 + (days.length === 1 ? (width - 60) / 2 : (i * (width - 60)) / (days.length - 1));
  const y = (v) => height - 20 - (v / max) * (height - 40);
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'chart', role: 'img', 'aria-label': `${t('trend')}: ${groupName(targetGroup)}` });
  for (const key of ['approved', 'occupied', 'waiting']) {
    chart.append(svg('polyline', { fill: 'none', stroke: COLOURS[key], 'stroke-width': 3, points: totals.map((tot, i) => `${x(i)},${y(tot[key])}`).join(' ') }));
    totals.forEach((tot, i) => chart.append(svg('circle', { cx: x(i), cy: y(tot[key]), r: 4, fill: COLOURS[key] })));
  }
  chart.append(svg('text', { x: 40, y: height - 4 }, days[0]), svg('text', { x: width - 100, y: height - 4 }, days[days.length - 1]));
  const table = el('table', {}, el('caption', {}, `${t('trend')}: ${groupName(targetGroup)}`),
    el('thead', {}, el('tr', {}, ...[t('date'), t('approvedPlaces'), t('occupied'), t('waitingList')].map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, ...days.map((day, i) => el('tr', {}, el('th', { scope: 'row' }, day), ...['approved', 'occupied', 'waiting'].map((k) => el('td', { class: 'num' }, number(totals[i][k])))))));
  return [chart, table];
}

/** A wide table scrolls inside its own box, reachable by keyboard (WCAG 1.4.10 reflow). */
function scrollable(table, label) {
  return el('div', { class: 'scroll', role: 'region', 'aria-label': label, tabindex: 0 }, table);
}

async function supplyPage({ query }) {
  const region = me().region;
  const thisYear = new Date().getFullYear();
  // Trade for any year from 2020 to next year (?year=); this year when none or another is asked for.
  const asked = Number(query?.get('year'));
  const year = Number.isInteger(asked) && asked >= 2020 && asked <= thisYear + 1 ? asked : thisYear;
  const today = new Date().toISOString().slice(0, 10);
  const from = new Date(Date.now() - 90 * 86400000).toISOString().slice(0, 10);
  const [figures, snapshots, trade] = await Promise.all([
    api(`/notifications/supply/regions/${region}`), api(`/notifications/supply/regions/${region}/snapshots?from=${from}&to=${today}`).catch(() => ({ items: [] })),
    api(`/tariffs/trade/${year}`).catch(() => ({ items: [] })),
  ]);
  const byGroup = new Map();
  for (const r of figures.items) {
    const g = byGroup.get(r.targetGroup) ?? { targetGroup: r.targetGroup, approved: 0, occupied: 0, waiting: 0 };
    g.approved += r.approved; g.occupied += r.occupied; g.waiting += r.waiting;
    byGroup.set(r.targetGroup, g);
  }
  const capital = (text) => text.charAt(0).toUpperCase() + text.slice(1);
  const columns = [['approved', t('approvedPlaces')], ['occupied', capital(t('occupied'))], ['reserved', capital(t('reserved'))], ['vacant', capital(t('vacant'))], ['waiting', t('waitingList')],
    ['medianWaitDays', t('medianWait')], ['closuresAnnounced', t('closures12')], ['openEarlyWarnings', t('openWarnings')], ['crossBorderPlacements', t('crossBorder')]];
  const table = el('table', { id: 'supply-table' }, el('caption', {}, t('figures')),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, t('targetGroup')), el('th', { scope: 'col' }, t('paragraph')), ...columns.map(([, h]) => el('th', { scope: 'col', class: 'num' }, h)))),
    el('tbody', {}, ...figures.items.map((r) => el('tr', {},
      el('th', { scope: 'row' }, groupName(r.targetGroup), r.nationalCoordination ? el('span', { class: 'badge warn' }, ` ${t('national')}`) : ''),
      el('td', {}, `§ ${r.paragraph}`), ...columns.map(([key]) => el('td', { class: 'num' }, number(r[key])))))));
  const progress = el('progress', { hidden: true, 'aria-label': t('exporting') });
  const status = el('div', { 'aria-live': 'polite' });
  const exportButton = (kind, label) => el('button', { type: 'button', class: 'secondary', onclick: async () => {
    status.replaceChildren(message(t('exporting')));
    try {
      await download(`/notifications/supply/regions/${region}/${kind}`, `forsyning-${region}.${kind}`, progress);
      status.replaceChildren(message(t('exported'), 'success'));
    } catch (error) {
      status.replaceChildren(message(error.message, 'error'));
    }
  } }, label);
  // Samhandel as a matrix: buyers (paying municipalities) down, sellers (operators) across, amounts in kroner.
  const buyers = [...new Set(trade.items.map((r) => r.buyer))].sort();
  const sellers = [...new Set(trade.items.map((r) => r.seller))].sort();
  const cell = (b, s) => trade.items.find((r) => r.buyer === b && r.seller === s);
  const tradeTable = trade.items.length
    ? scrollable(el('table', { id: 'trade-matrix' }, el('caption', {}, `${t('trade')} ${year} (${t('amount')})`),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, `${t('buyer')} / ${t('seller')}`), ...sellers.map((s) => el('th', { scope: 'col', class: 'num' }, organisationName(`operator:${s}`))))),
      el('tbody', {}, ...buyers.map((b) => el('tr', {}, el('th', { scope: 'row' }, municipalityName(b)),
        ...sellers.map((s) => el('td', { class: 'num' }, cell(b, s) ? `${formatAmount(cell(b, s).amount, lang())} (${number(cell(b, s).placements)})` : '–')))))), t('trade'))
    : el('p', {}, t('none'));
  const groups = [...byGroup.keys()];
  const trendBox = el('div', {}, ...trendChart(snapshots.items, groups[0]));
  const trendPicker = field(t('targetGroup'), el('select', { id: 'trend-group', onchange: (e) => trendBox.replaceChildren(...trendChart(snapshots.items, e.target.value)) },
    ...groups.map((g) => el('option', { value: g }, groupName(g)))));
  return [el('h1', {}, `${t('dashboard')} · ${regionName(figures.region)}`),
    el('div', { class: 'actions' }, exportButton('csv', t('exportCsv')), exportButton('xlsx', t('exportXlsx')), progress), status,
    el('h2', {}, t('chartCapacity')), ...barChart([...byGroup.values()], t('chartCapacity')),
    el('h2', {}, t('trend')), trendPicker, trendBox,
    el('h2', {}, t('figures')), scrollable(table, t('figures')),
    el('h2', {}, t('trade')), tradeYearPicker(year, thisYear), tradeTable,
    await thresholdsForm(region)];
}

/** The region's own thresholds for the supply rules that raise early warnings by themselves. */
async function thresholdsForm(region) {
  const current = await api(`/notifications/supply/regions/${region}/thresholds`);
  const out = el('div', { 'aria-live': 'polite', id: 'thresholds-feedback' });
  const number = (name, min, max) => field(t(`threshold_${name}`), el('input', { name, id: name, type: 'number', min, max, required: true, value: current[name] }), t(`threshold_${name}_hint`));
  const form = el('form', { class: 'panel', id: 'thresholds-form', onsubmit: async (e) => {
    e.preventDefault();
    try {
      await api(`/notifications/supply/regions/${region}/thresholds`, { method: 'PUT', body: {
        lowOccupancyMonths: Number(form.lowOccupancyMonths.value), noVacancyDays: Number(form.noVacancyDays.value), closureMarginPlaces: Number(form.closureMarginPlaces.value), forecastGapPlaces: Number(form.forecastGapPlaces.value),
      } });
      out.replaceChildren(message(t('saved'), 'success'));
    } catch (error) {
      out.replaceChildren(message(error.message, 'error'));
    }
  } },
  el('h2', {}, t('thresholds')),
  el('div', { class: 'fields' }, number('lowOccupancyMonths', 1, 24), number('noVacancyDays', 1, 365), number('closureMarginPlaces', 0, 1000), number('forecastGapPlaces', 0, 1000)),
  el('div', { class: 'actions' }, el('button', { class: 'primary', type: 'submit' }, t('save'))), out);
  return form;
}

function tradeYearPicker(year, thisYear) {
  const years = Array.from({ length: thisYear + 2 - 2020 }, (_, i) => String(2020 + i)).reverse();
  const form = el('form', { class: 'panel', id: 'trade-year', onsubmit: (e) => { e.preventDefault(); location.hash = `#/supply?year=${form.tradeYear.value}`; } },
    el('div', { class: 'fields' }, field(t('year'), el('select', { name: 'tradeYear', id: 'tradeYear' }, ...years.map((y) => el('option', { value: y, selected: y === String(year) }, y))))),
    el('div', { class: 'actions' }, el('button', { class: 'secondary', type: 'submit' }, t('show'))));
  return form;
}

async function warningsPage() {
  const list = el('ol', { class: 'results', id: 'warnings' });
  const out = el('div', { 'aria-live': 'polite' });
  const load = async () => {
    const { items } = await api('/notifications/early-warnings');
    list.replaceChildren(...items.map((w) => {
      const act = (action, body = {}) => async () => {
        try {
          await api(`/notifications/early-warnings/${w.id}/${action}`, { method: 'POST', body });
          out.replaceChildren(message(t('saved'), 'success'));
          await load();
        } catch (error) {
          out.replaceChildren(message(error.message, 'error'));
        }
      };
      const plan = el('textarea', { id: `plan-${w.id}`, rows: 2, minlength: 10 });
      return el('li', { class: 'result', 'data-warning': w.id },
        el('h2', {}, w.offerName ?? w.targetGroups.map(groupName).join(', ')),
        el('p', {}, el('span', { class: `badge ${w.status === 'resolved' ? 'ok' : 'bad'}`, 'data-status': w.status }, statusName(w.status)),
          ` ${t('categories')[w.category]} · ${t('severity')}: ${t('severities')[w.severity]} · ${w.targetGroups.map(groupName).join(', ')}`),
        el('p', {}, w.description),
        w.actionPlan ? el('p', {}, el('strong', {}, `${t('actionPlan')}: `), w.actionPlan) : '',
        el('details', {}, el('summary', {}, t('history')), el('ul', {}, ...w.history.map((h) => el('li', {}, `${h.at.slice(0, 16).replace('T', ' ')} · ${statusName(h.status)} · ${organisationName(h.byOrganisation)}${h.note ? ` · ${h.note}` : ''}`)))),
        el('div', { class: 'actions' },
          w.status === 'raised' ? el('button', { type: 'button', class: 'primary', onclick: act('acknowledge') }, `${t('acknowledge')}: ${w.offerName ?? ''}`) : '',
          ['acknowledged', 'action-plan'].includes(w.status) ? [field(t('actionPlan'), plan), el('button', { type: 'button', class: 'secondary', onclick: () => act('action-plan', { plan: plan.value })() }, t('actionPlan')),
            el('button', { type: 'button', class: 'secondary', onclick: act('resolve') }, t('resolve'))] : ''));
    }));
  };
  await load();
  document.addEventListener('warnings-changed', () => load(), { once: true });
  return [el('h1', {}, t('warnings')), out, list];
}

async function approvalsPage() {
  const out = el('div', { 'aria-live': 'polite' });
  const body = el('tbody');
  const load = async () => {
    const { items } = await api('/tariffs/tariffs/awaiting-approval');
    // Offers by name, as offers knows them (tariffs keeps ids only).
    const names = new Map(await Promise.all([...new Set(items.map((x) => x.offerId))].map(async (id) =>
      [id, await api(`/offers/offers/${id}`).then((o) => o.name, () => t('unknownOffer'))])));
    body.replaceChildren(...items.map((x) => el('tr', {}, el('th', { scope: 'row' }, names.get(x.offerId)), el('td', {}, String(x.year)), el('td', { class: 'num' }, formatAmount(x.dayTariff, lang())),
      el('td', {}, el('button', { type: 'button', class: 'primary', onclick: async () => {
        try {
          await api(`/tariffs/offers/${x.offerId}/tariffs/${x.year}/approve`, { method: 'POST' });
          out.replaceChildren(message(t('saved'), 'success'));
          await load();
        } catch (error) {
          out.replaceChildren(message(error.message, 'error'));
        }
      } }, `${t('approve')}: ${names.get(x.offerId)} ${x.year}`)))));
    if (!items.length) body.replaceChildren(el('tr', {}, el('td', { colspan: 4 }, t('nothingToApprove'))));
  };
  await load();
  return [el('h1', {}, t('approvals')), out, el('table', {}, el('caption', {}, t('approvals')),
    el('thead', {}, el('tr', {}, ...[t('offer'), t('year'), t('dayTariff'), t('approve')].map((h) => el('th', { scope: 'col' }, h)))), body)];
}

export const secretariatPages = { supply: supplyPage, warnings: warningsPage, approvals: approvalsPage };
