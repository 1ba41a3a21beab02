// Settlement statements (afregninger): the paying municipality's bills (officers) and the
// operator's invoices (offer managers) for a month — the list, one statement line by line, and the
// statement as CSV or Excel.
import { lang, municipalityName, organisationName, t } from './app.js';
import { formatAmount, formatDate } from './formats.js';
import { api, download, el, field, message } from './ui.js';

const lastMonth = () => {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
};

async function statementsPage({ params, query }) {
  const month = /^\d{4}-(0[1-9]|1[0-2])$/.test(query.get('month') ?? '') ? query.get('month') : lastMonth();
  const form = el('form', { class: 'panel', onsubmit: (e) => { e.preventDefault(); location.hash = `#/statements?month=${form.month.value}`; } },
    el('div', { class: 'fields' }, field(t('month'), el('input', { name: 'month', id: 'month', type: 'month', value: month, required: true }), t('monthHint'))),
    el('div', { class: 'actions' }, el('button', { class: 'primary', type: 'submit' }, t('show'))));
  let list;
  try {
    list = (await api(`/tariffs/settlements?month=${month}`)).items;
  } catch (error) {
    return [el('h1', {}, t('statements')), form, message(error.message, 'error')];
  }
  const open = list.find((s) => s.id === params[0]);
  const title = (s) => `${municipalityName(s.payingMunicipality)} → ${organisationName(`operator:${s.operator}`)}${s.supplement ? ` (${t('supplement')} ${s.supplement})` : ''}`;
  const rows = list.map((s) => el('tr', {},
    el('th', { scope: 'row' }, el('a', { href: `#/statements/${s.id}?month=${month}` }, title(s))),
    el('td', {}, formatDate(s.invoiceDate, lang())), el('td', {}, formatDate(s.dueDate, lang())), el('td', { class: 'number' }, formatAmount(s.total, lang()))));
  const table = list.length ? el('div', { class: 'scroll', role: 'region', 'aria-labelledby': 'statements-caption', tabindex: '0' }, el('table', {},
    el('caption', { id: 'statements-caption' }, `${t('statements')} ${month}`),
    el('thead', {}, el('tr', {}, ...[t('statement'), t('invoiceDate'), t('dueDate'), t('total')].map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, ...rows))) : el('p', {}, t('noStatements'));
  return [el('h1', {}, t('statements')), form, table, open ? statementDetail(open, title(open)) : ''];
}

function statementDetail(s, title) {
  const progress = el('progress', { hidden: true, 'aria-label': t('exporting') });
  const lines = s.lines.map((l) => el('tr', {},
    el('td', {}, t('lineKinds')[l.kind] ?? l.kind), el('td', {}, el('code', {}, l.placementId.slice(0, 8))),
    el('td', {}, `${formatDate(l.from, lang())}–${formatDate(l.to, lang())}`), el('td', { class: 'number' }, String(l.days)),
    el('td', {}, l.packageCode === 'base' ? t('basePackage') : l.packageCode), el('td', { class: 'number' }, formatAmount(l.dayRate, lang())),
    el('td', { class: 'number' }, formatAmount(l.amount, lang()), l.lateClaim ? ` (${t('lateClaim')})` : '')));
  return el('section', { 'aria-labelledby': 'statement-heading', id: 'statement' },
    el('h2', { id: 'statement-heading' }, title),
    el('p', {}, `${t('invoiceDate')} ${formatDate(s.invoiceDate, lang())} · ${t('dueDate')} ${formatDate(s.dueDate, lang())} · ${t('total')} `, el('strong', { id: 'statement-total' }, formatAmount(s.total, lang()))),
    el('div', { class: 'scroll', role: 'region', 'aria-labelledby': 'lines-caption', tabindex: '0' }, el('table', {},
      el('caption', { id: 'lines-caption' }, t('statementLines')),
      el('thead', {}, el('tr', {}, ...[t('lineKind'), t('placement'), t('period'), t('days'), t('package'), t('dayTariff'), t('amountWord')].map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, ...lines))),
    el('div', { class: 'actions' },
      el('button', { type: 'button', class: 'secondary', onclick: () => download(`/tariffs/settlements/statements/${s.id}/csv`, `afregning-${s.month}-${s.id.slice(0, 8)}.csv`, progress) }, t('exportCsv')),
      el('button', { type: 'button', class: 'secondary', onclick: () => download(`/tariffs/settlements/statements/${s.id}/xlsx`, `afregning-${s.month}-${s.id.slice(0, 8)}.xlsx`, progress) }, t('exportXlsx')),
      progress));
}

export const statementPages = { statements: statementsPage };
