// Special measures (særforanstaltninger): the offer manager prices an individual add-on per day for one
// placement in its offer; it is billed on its own line of the month's statement. The page lists the
// offer's placements (dates, paying and acting municipality, package, the measures priced so far; never a
// citizen) and prices a new measure.
import { lang, municipalityName, t } from './app.js';
import { ownOffers } from './manager.js';
import { formatAmount, formatDate, parseAmount } from './formats.js';
import { api, el, field, flashAfterReload, message, select, showFlash } from './ui.js';

/** "Anbragt fra 10.11.2026, betalt af Frederiksberg": a placement named without its citizen. */
const placementLabel = (p) => `${t('placedFrom')} ${formatDate(p.startDate, lang())}, ${t('paidBy')} ${municipalityName(p.payingMunicipality)}`;

function measuresText(p) {
  if (!p.specialMeasures.length) return t('noSpecialMeasures');
  return p.specialMeasures.map((m) => `${m.code}: ${formatAmount(m.perDay, lang())} ${t('perDayShort')}, ${formatDate(m.from, lang())}–${m.to ? formatDate(m.to, lang()) : ''}`).join('; ');
}

async function specialMeasuresPage({ query }) {
  const offers = await ownOffers();
  const heading = el('h1', {}, t('specialMeasures'));
  const selected = offers.find((o) => o.offerId === query.get('offer')) ?? offers[0];
  if (!selected) return [heading, el('p', {}, t('none'))];
  const picker = el('form', { class: 'panel', onsubmit: (e) => { e.preventDefault(); location.hash = `#/special-measures?offer=${picker.offer.value}`; } },
    field(t('offer'), select('offer', offers.map((o) => [o.offerId, o.name]), selected.offerId)),
    el('div', { class: 'actions' }, el('button', { class: 'secondary', type: 'submit' }, t('show'))));
  let placements;
  try {
    placements = (await api(`/tariffs/offers/${selected.offerId}/placements`)).items;
  } catch (error) {
    return [heading, el('p', {}, t('specialMeasuresIntro')), picker, message(error.message, 'error')];
  }
  const current = placements.filter((p) => !p.endDate || p.endDate >= new Date().toISOString().slice(0, 10));
  const table = el('table', { id: 'priced-placements' }, el('caption', {}, `${t('placementsIn')} ${selected.name}`),
    el('thead', {}, el('tr', {}, ...[t('startDate'), t('endDate'), t('payingMunicipality'), t('actingMunicipality'), t('package'), t('specialMeasures')].map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, ...placements.map((p) => el('tr', { 'data-placement': p.placementId },
      el('td', {}, formatDate(p.startDate, lang())), el('td', {}, p.endDate ? formatDate(p.endDate, lang()) : '–'),
      el('td', {}, municipalityName(p.payingMunicipality)), el('td', {}, municipalityName(p.actingMunicipality)),
      el('td', {}, p.packages.at(-1)?.packageCode ?? '–'), el('td', { class: 'measures' }, measuresText(p))))));
  const out = el('div', { 'aria-live': 'polite' });
  if (!current.length) return [heading, el('p', {}, t('specialMeasuresIntro')), picker, placements.length ? table : el('p', {}, t('noPlacementsInOffer'))];
  const form = el('form', { class: 'panel', id: 'special-measure-form', novalidate: true, onsubmit: async (e) => {
    e.preventDefault();
    const perDay = parseAmount(form.perDay.value);
    form.perDay.setAttribute('aria-invalid', String(perDay === null));
    if (perDay === null) {
      out.replaceChildren(message(`${t('notAnAmount')}: ${t('perDay')}`, 'error'));
      form.perDay.focus();
      return;
    }
    try {
      await api(`/tariffs/placements/${form.placement.value}/special-measures`, { method: 'POST', body: { code: form.code.value.trim(), perDay, from: form.from.value, to: form.to.value || undefined } });
      flashAfterReload(t('specialMeasureSaved'));
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    } catch (error) {
      out.replaceChildren(message(error.message, 'error'));
    }
  } },
  el('h2', {}, t('priceSpecialMeasure')),
  el('div', { class: 'fields' },
    field(t('placement'), select('placement', current.map((p) => [p.placementId, placementLabel(p)]))),
    field(t('measureCode'), el('input', { name: 'code', id: 'measure-code', required: true, autocomplete: 'off', pattern: '[a-z0-9æøå-]{2,40}', maxlength: 40 }), t('measureCodeHint')),
    field(t('perDay'), el('input', { name: 'perDay', id: 'measure-per-day', inputmode: 'decimal', required: true }), t('amountHint')),
    field(t('fromDate'), el('input', { name: 'from', id: 'measure-from', type: 'date', required: true, value: new Date().toISOString().slice(0, 10) })),
    field(t('toDateOptional'), el('input', { name: 'to', id: 'measure-to', type: 'date' }))),
  el('div', { class: 'actions' }, el('button', { class: 'primary', type: 'submit' }, t('save'))));
  showFlash(out);
  return [heading, el('p', {}, t('specialMeasuresIntro')), picker, out, table, form];
}

export const specialMeasurePages = { 'special-measures': specialMeasuresPage };
