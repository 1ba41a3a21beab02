// Protected highly specialised offers (styrket samarbejde), for the KKR secretariat: protect an
// offer of the region for a target group with the decision and the agreed placements per
// municipality; follow each protected offer's occupancy and the municipalities' shares.
import { groupName, lang, me, municipalityName, reference, t } from './app.js';
import { formatDate } from './formats.js';
import { api, el, field, message, select } from './ui.js';

const SHARE_ROWS = 3;

async function protectedPage() {
  const ref = reference();
  const region = me().region;
  const feedback = el('div', { 'aria-live': 'polite', id: 'feedback' });
  const [{ items: offers }, { items: guarded }] = await Promise.all([api(`/offers/offers?region=${region}&pageSize=500`), api('/notifications/supply/protected-offers')]);
  const form = el('form', { class: 'panel', id: 'protect-form', onsubmit: async (e) => {
    e.preventDefault();
    const agreedShares = [];
    for (let i = 0; i < SHARE_ROWS; i++) {
      const m = form[`shareMunicipality${i}`].value;
      const n = form[`sharePlacements${i}`].value;
      if (m && n) agreedShares.push({ municipality: m, placements: Number(n) });
    }
    try {
      await api(`/notifications/supply/protected-offers/${form.offer.value}/${form.targetGroup.value}`, { method: 'PUT', body: { decidedOn: form.decidedOn.value, agreementReference: form.agreementReference.value.trim(), agreedShares } });
      location.hash = `#/protected?saved=${Date.now()}`;
    } catch (error) {
      feedback.replaceChildren(message(error.message, 'error'));
    }
  } },
  el('h2', {}, t('protectOffer')),
  el('div', { class: 'fields' },
    field(t('offer'), select('offer', offers.map((o) => [o.offerId, o.name]), offers[0]?.offerId)),
    field(t('targetGroup'), select('targetGroup', ref.targetGroups.map((g) => [g.id, g[lang()]]), offers[0]?.targetGroups[0])),
    field(t('decidedOn'), el('input', { name: 'decidedOn', id: 'decidedOn', type: 'date', required: true })),
    field(t('agreementReference'), el('input', { name: 'agreementReference', id: 'agreementReference', required: true, maxlength: 200 }), t('agreementReferenceHint'))),
  el('fieldset', {}, el('legend', {}, t('agreedShares')),
    ...Array.from({ length: SHARE_ROWS }, (_, i) => el('div', { class: 'fields' },
      field(`${t('municipality')} ${i + 1}`, select(`shareMunicipality${i}`, [['', t('none')], ...ref.municipalities.map((m) => [m.code, m.name])], '')),
      field(`${t('agreedPlacements')} ${i + 1}`, el('input', { name: `sharePlacements${i}`, id: `sharePlacements${i}`, type: 'number', min: 1, max: 1000, inputmode: 'numeric' }))))),
  el('div', { class: 'actions' }, el('button', { class: 'primary', type: 'submit' }, t('protect'))));
  // Choosing an offer offers its own target groups first.
  form.offer.addEventListener('change', () => {
    const chosen = offers.find((o) => o.offerId === form.offer.value);
    if (chosen && !chosen.targetGroups.includes(form.targetGroup.value)) form.targetGroup.value = chosen.targetGroups[0];
  });
  const list = guarded.length ? el('ul', { class: 'results', id: 'protected-offers' }, ...guarded.map(protectedItem)) : el('p', {}, t('noProtectedOffers'));
  return [el('h1', {}, t('protectedOffers')), el('p', {}, t('protectedIntro')), feedback, el('h2', {}, t('protectedNow')), list, form];
}

/** One protected offer: the decision, places, the municipalities' shares and 12 month-ends of occupancy. */
function protectedItem(p) {
  const shares = p.shares.length ? el('table', {},
    el('caption', {}, `${t('agreedShares')}: ${p.offerName}`),
    el('thead', {}, el('tr', {}, ...[t('municipality'), t('agreedPlacements'), t('actualPlacements')].map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, ...p.shares.map((s) => el('tr', { 'data-below': String(s.actual < s.agreed) },
      el('th', { scope: 'row' }, municipalityName(s.municipality)),
      el('td', { class: 'number' }, String(s.agreed)),
      el('td', { class: 'number' }, String(s.actual), s.actual < s.agreed ? el('span', { class: 'badge warn' }, ` ${t('belowShare')}`) : ''))))) : '';
  const trend = el('div', { class: 'scroll', role: 'region', 'aria-label': `${t('occupancyTrend')}: ${p.offerName}`, tabindex: '0' },
    el('table', {},
      el('caption', {}, `${t('occupancyTrend')}: ${p.offerName}`),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, t('month')), ...p.trend.map((m) => el('th', { scope: 'col' }, m.month)))),
      el('tbody', {}, el('tr', {}, el('th', { scope: 'row' }, t('occupancy')), ...p.trend.map((m) => el('td', { class: 'number' }, m.approved ? `${m.occupied}/${m.approved}` : '–'))))));
  return el('li', { class: 'result', 'data-protected': p.offerId },
    el('h3', {}, el('a', { href: `#/offer/${p.offerId}` }, p.offerName), ` · ${groupName(p.targetGroup)}`),
    el('p', {}, `${t('decidedOn')} ${formatDate(p.decidedOn, lang())} · ${p.agreementReference} · ${p.occupied} ${t('of')} ${p.approved} ${t('placesOccupied')}`),
    shares, trend);
}

export const protectedPages = { protected: protectedPage };
