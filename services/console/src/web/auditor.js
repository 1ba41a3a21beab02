// Auditor (databeskyttelse): the municipality's audit log of citizen data — who read or changed
// which case, when and why — with filters.
import { lang, t } from './app.js';
import { formatMoment } from './formats.js';
import { api, el, field, message, select } from './ui.js';

const ACTIONS = ['open-case', 'read-case', 'find-case-by-cpr', 'request-placement', 'confirm-placement', 'cancel-placement', 'change-package', 'give-notice', 'end-placement', 'set-goal', 'read-goals', 'book-units', 'cancel-booking'];

async function auditPage({ query }) {
  const form = el('form', { class: 'panel', role: 'search', onsubmit: (e) => {
    e.preventDefault();
    const q = new URLSearchParams();
    for (const name of ['caseId', 'action', 'actor', 'from', 'to']) if (form[name].value.trim()) q.set(name, form[name].value.trim());
    location.hash = `#/audit?${q}`;
  } },
  el('div', { class: 'fields' },
    field(t('action'), select('action', [['', t('any')], ...ACTIONS.map((a) => [a, t('auditActions')[a]])], query.get('action') ?? '')),
    field(t('user'), el('input', { name: 'actor', id: 'actor', autocomplete: 'off', value: query.get('actor') ?? '' })),
    field(t('fromDate'), el('input', { name: 'from', id: 'from', type: 'date', value: query.get('from') ?? '' })),
    field(t('toDate'), el('input', { name: 'to', id: 'to', type: 'date', value: query.get('to') ?? '' })),
    field(t('caseId'), el('input', { name: 'caseId', id: 'caseId', autocomplete: 'off', value: query.get('caseId') ?? '' }), t('caseIdHint'))),
  el('div', { class: 'actions' }, el('button', { class: 'primary', type: 'submit' }, t('search'))));
  const q = new URLSearchParams({ limit: '200' });
  for (const name of ['caseId', 'action', 'actor', 'from', 'to']) if (query.get(name)) q.set(name, query.get(name));
  let body;
  try {
    const { items } = await api(`/visitation/audit?${q}`);
    body = items.length ? el('div', { class: 'scroll', role: 'region', 'aria-labelledby': 'audit-caption', tabindex: '0' }, el('table', {},
      el('caption', { id: 'audit-caption' }, `${t('auditLog')} (${items.length})`),
      el('thead', {}, el('tr', {}, ...[t('time'), t('user'), t('action'), t('purpose'), t('case')].map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, ...items.map((r) => el('tr', {},
        el('td', {}, formatMoment(r.at, lang())), el('td', {}, r.actorName), el('td', {}, t('auditActions')[r.action] ?? r.action),
        el('td', {}, t('purposes')[r.purpose] ?? r.purpose), el('td', {}, el('code', {}, r.caseId.slice(0, 8))))))))
      : el('p', {}, t('none'));
  } catch (error) {
    body = message(error.message, 'error');
  }
  return [el('h1', {}, t('auditLog')), el('p', {}, t('auditIntro')), form, body];
}

export const auditorPages = { audit: auditPage };
