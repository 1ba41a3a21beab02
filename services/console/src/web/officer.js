// Visitation officer (sagsbehandler): find offers, open a case and request a place, follow it to
// confirmed or rejected, the waiting list and the worklist.
import { groupName, lang, me, municipalityName, reference, regionName, statusName, t } from './app.js';
import { api, el, field, message, select } from './ui.js';

const PURPOSE = 'visitation: sagsbehandling';
/** Points to measure distance from: the five regions' seats (municipalities carry no coordinates). */
const FROM = [['', null], ['København', [55.6761, 12.5683]], ['Sorø', [55.4319, 11.5555]], ['Vejle', [55.7093, 9.5357]], ['Viborg', [56.4532, 9.402]], ['Aalborg', [57.0488, 9.9217]]];
let lastResults = [];

async function findPage({ query }) {
  const ref = reference();
  const form = el('form', { class: 'panel', role: 'search', onsubmit: (e) => { e.preventDefault(); run(); } },
    el('div', { class: 'fields' },
      field(t('targetGroup'), select('targetGroup', [['', t('any')], ...ref.targetGroups.map((g) => [g.id, g[lang()]])], query.get('targetGroup') ?? '')),
      field(t('paragraph'), select('paragraph', [['', t('any')], ...ref.paragraphs.map((p) => [p, `§ ${p}`])], query.get('paragraph') ?? '')),
      field(t('region'), select('region', [['', t('any')], ...ref.regions.map((r) => [r.code, r.name])], query.get('region') ?? '')),
      field(t('searchFrom'), select('from', FROM.map(([name], i) => [String(i), name || t('nowhere')]), '0')),
      field(t('maxKm'), el('input', { name: 'maxKm', id: 'maxKm', type: 'number', min: 1, max: 1000, inputmode: 'numeric' })),
      field(t('maxTariff'), el('input', { name: 'maxTariff', id: 'maxTariff', inputmode: 'decimal', pattern: '\\d{1,7}([.,]\\d{1,2})?' })),
      el('div', { class: 'check' }, el('input', { type: 'checkbox', name: 'hasVacancy', id: 'hasVacancy' }), el('label', { for: 'hasVacancy' }, t('vacantOnly')))),
    el('div', { class: 'actions' }, el('button', { class: 'primary', type: 'submit' }, t('search'))));
  const results = el('section', { 'aria-labelledby': 'results-heading' });
  async function run() {
    const q = new URLSearchParams({ limit: '50' });
    for (const name of ['targetGroup', 'paragraph', 'region']) if (form[name].value) q.set(name, form[name].value);
    if (form.hasVacancy.checked) q.set('hasVacancy', 'true');
    const from = FROM[Number(form.from.value)][1];
    if (from) { q.set('lat', String(from[0])); q.set('lon', String(from[1])); if (form.maxKm.value) q.set('maxDistanceKm', form.maxKm.value); }
    if (form.maxTariff.value) q.set('maxDayTariff', form.maxTariff.value.replace(',', '.'));
    results.replaceChildren(el('p', {}, t('loading')));
    try {
      const found = await api(`/visitation/offers?${q}`, { purpose: PURPOSE });
      lastResults = found.items;
      results.replaceChildren(el('h2', { id: 'results-heading' }, `${t('results')} (${found.items.length})`),
        found.items.length ? el('ol', { class: 'results' }, ...found.items.map(resultItem)) : el('p', {}, t('noResults')));
    } catch (error) {
      results.replaceChildren(message(error.message, 'error'));
    }
  }
  run();
  return [el('h1', {}, t('find')), form, results];
}

function resultItem(o) {
  const vacancy = el('strong', { 'data-vacant-for': o.offerId, 'data-offer-name': o.name }, String(o.capacity.vacantPlaces));
  return el('li', { class: 'result', 'data-offer': o.offerId },
    el('h3', {}, o.name),
    el('p', { class: 'meta' }, `${o.operator.name} · ${municipalityName(o.municipalityCode)} · ${regionName(o.regionCode)} · ${o.targetGroups.map(groupName).join(', ')} · § ${o.paragraphs.map((p) => p.paragraph).join(', ')}`),
    el('p', {}, vacancy, ` ${t('vacant')} · `, el('span', { 'data-approved-for': o.offerId }, String(o.capacity.approvedPlaces)), ` ${t('approved')}`,
      o.rank.dayRate ? ` · ${t('dayTariff')} ${Number(o.rank.dayRate).toLocaleString(lang() === 'da' ? 'da-DK' : 'en-GB', { minimumFractionDigits: 2 })} kr` : '',
      o.rank.distanceKm !== null ? ` · ${Math.round(o.rank.distanceKm)} km` : ''),
    el('p', {}, el('span', { class: 'badge ok' }, `${t('rank')} ${Math.round(o.rank.score * 100)}`), ` ${t('why')}: ${o.rank.reasons.join('; ')}`),
    el('a', { href: `#/new-case?offer=${o.offerId}`, class: 'request-link' }, `${t('requestPlace')}: ${o.name}`));
}

async function newCasePage({ query }) {
  const ref = reference();
  const own = me().municipality;
  const offerId = query.get('offer') ?? '';
  const chosen = lastResults.find((o) => o.offerId === offerId);
  const out = el('div');
  const tomorrow = new Date(Date.now() + 86400000).toISOString().slice(0, 10);
  const form = el('form', { class: 'panel', onsubmit: async (e) => {
    e.preventDefault();
    out.replaceChildren(message(t('loading')));
    try {
      const opened = await api('/visitation/cases', { method: 'POST', purpose: PURPOSE, body: {
        cpr: form.cpr.value.trim(), name: form.citizen.value.trim(), payingMunicipality: form.payingMunicipality.value,
        needs: { targetGroups: [form.targetGroup.value], paragraph: form.paragraph.value, supportLevel: form.supportLevel.value },
      } });
      const placement = await api(`/visitation/cases/${opened.id}/placements`, { method: 'POST', purpose: PURPOSE, body: { offerId: form.offerId.value.trim(), startDate: form.startDate.value } });
      location.hash = `#/placements/${placement.id}`;
    } catch (error) {
      out.replaceChildren(message(error.message, 'error'));
    }
  } },
  el('div', { class: 'fields' },
    field(t('cpr'), el('input', { name: 'cpr', id: 'cpr', inputmode: 'numeric', autocomplete: 'off', pattern: '\\d{10}', required: true }), t('cprHint')),
    field(t('name'), el('input', { name: 'citizen', id: 'citizen', autocomplete: 'off', required: true })),
    field(t('payingMunicipality'), select('payingMunicipality', ref.municipalities.map((m) => [m.code, m.name]), own)),
    field(t('targetGroup'), select('targetGroup', ref.targetGroups.map((g) => [g.id, g[lang()]]), chosen?.targetGroups[0])),
    field(t('paragraph'), select('paragraph', ref.paragraphs.map((p) => [p, `§ ${p}`]), chosen?.paragraphs[0]?.paragraph)),
    field(t('supportLevel'), select('supportLevel', [['low', t('low')], ['medium', t('medium')], ['high', t('high')]], 'medium')),
    field(t('offer'), el('input', { name: 'offerId', id: 'offerId', value: offerId, required: true }), chosen?.name),
    field(t('startDate'), el('input', { name: 'startDate', id: 'startDate', type: 'date', value: tomorrow, required: true }))),
  el('div', { class: 'actions' }, el('button', { class: 'primary', type: 'submit' }, t('openCase'))));
  return [el('h1', {}, t('newCase')), form, out];
}

async function placementPage({ params }) {
  const id = params[0];
  const box = el('section', { 'aria-live': 'polite' });
  const show = async () => {
    const p = await api(`/visitation/placements/${id}`, { purpose: PURPOSE });
    const parts = [el('p', {}, `${t('status')}: `, el('strong', { id: 'placement-status' }, statusName(p.status)))];
    if (p.status === 'requested') parts.push(message(t('waiting')));
    if (p.status === 'reserved') {
      parts.push(message(t('reservedText')), el('button', { type: 'button', class: 'primary', id: 'confirm', onclick: async () => {
        await api(`/visitation/placements/${id}/confirm`, { method: 'POST', purpose: PURPOSE });
        await show();
      } }, t('confirm')));
    }
    if (p.status === 'started') parts.push(message(t('confirmed'), 'success'));
    if (['rejected', 'expired', 'timed-out', 'cancelled'].includes(p.status)) parts.push(message(`${t('rejected')} ${p.reason ?? ''}`, 'error'));
    box.replaceChildren(...parts);
    if (p.status === 'requested' && location.hash.includes(id)) setTimeout(show, 800);
  };
  await show();
  return [el('h1', {}, t('placement')), box];
}

async function waitlistPage() {
  const list = await api('/visitation/waitlist', { purpose: PURPOSE });
  const rows = (list.items ?? list).map((w) => el('tr', {}, el('td', {}, groupName(w.targetGroup)), el('td', {}, `§ ${w.paragraph}`), el('td', {}, regionName(w.regionCode)),
    el('td', {}, statusName(w.status)), el('td', {}, new Date(w.addedAt).toLocaleDateString(lang() === 'da' ? 'da-DK' : 'en-GB'))));
  return [el('h1', {}, t('waitlist')), rows.length ? el('table', {}, el('caption', {}, t('waitlist')),
    el('thead', {}, el('tr', {}, ...[t('targetGroup'), t('paragraph'), t('region'), t('status'), t('date')].map((h) => el('th', { scope: 'col' }, h)))), el('tbody', {}, ...rows)) : el('p', {}, t('none'))];
}

async function worklistPage() {
  const work = await api('/visitation/worklist', { purpose: PURPOSE });
  const section = (title, items) => [el('h2', {}, title), items.length
    ? el('ul', {}, ...items.map((p) => el('li', {}, el('a', { href: `#/placements/${p.id}` }, `${t('placement')} ${p.id.slice(0, 8)}`), ` · ${statusName(p.status)}`,
      p.reviewDate ? ` · ${p.reviewDate}` : '', p.endDate ? ` · ${p.endDate}` : '', p.needsReplacementFrom ? ` · ${p.needsReplacementFrom}` : '')))
    : el('p', {}, t('none'))];
  return [el('h1', {}, t('worklist')), ...section(t('reviewsDue'), work.reviewsDue), ...section(t('notices'), work.notices), ...section(t('replacements'), work.replacements)];
}

export const officerPages = { find: findPage, 'new-case': newCasePage, placements: placementPage, waitlist: waitlistPage, worklist: worklistPage };
