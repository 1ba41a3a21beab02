// Single services (enkeltydelser): the officer books units of an offer in a week or month for a
// citizen's case and follows the booking; the offer manager sees the bookings of its offers and
// records the units delivered, which the month close bills at the unit price.
import { lang, me, municipalityName, offerOf, reference, t } from './app.js';
import { formatAmount, formatDate } from './formats.js';
import { ownOffers } from './manager.js';
import { purpose, purposeField } from './officer.js';
import { api, el, field, flashAfterReload, message, select, showFlash } from './ui.js';

const today = () => new Date().toISOString().slice(0, 10);

/** The ISO week of a day, as `2026-W50` (the week that holds its Thursday). */
function isoWeek(day) {
  const d = new Date(`${day}T00:00:00Z`);
  const thursday = new Date(d.getTime() + (3 - ((d.getUTCDay() + 6) % 7)) * 86400000);
  const firstThursday = new Date(Date.UTC(thursday.getUTCFullYear(), 0, 4));
  const week = 1 + Math.round((thursday - firstThursday) / 86400000 / 7 - (3 - ((firstThursday.getUTCDay() + 6) % 7)) / 7);
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** This period of an offer: the current month or ISO week. */
export const currentPeriod = (per) => (per === 'week' ? isoWeek(today()) : today().slice(0, 7));

/** "10 sessioner pr. måned": what a single service sells. */
export function unitsText(units) {
  return t('unitsCapacity')(units.unitsPerPeriod, t('serviceKinds')[units.kind] ?? units.kind, t('unitPeriods')[units.per]);
}

const bookingStatus = (s) => t('bookingStatuses')[s] ?? s;

/** A period input the browser helps with: a month picker or a week picker, as the offer counts. */
function periodInput(per, value) {
  return el('input', { name: 'period', id: 'period', type: per === 'week' ? 'week' : 'month', required: true, value, pattern: per === 'week' ? '\\d{4}-W\\d{2}' : '\\d{4}-\\d{2}' });
}

async function bookPage({ query }) {
  const offer = await offerOf(query.get('offer'));
  const heading = el('h1', {}, t('bookUnits'));
  if (!offer?.units) return [heading, message(t('unknownOffer'), 'error')];
  const out = el('div', { 'aria-live': 'polite', id: 'feedback' });
  const free = el('p', { id: 'free-units' });
  const showFree = async (period) => {
    try {
      const a = await api(`/offers/offers/${offer.offerId}/units/${encodeURIComponent(period)}`);
      free.textContent = `${a.freeUnits} ${t('freeUnits')} (${formatDate(a.from, lang())}–${formatDate(a.to, lang())})`;
    } catch {
      free.textContent = '';
    }
  };
  const form = el('form', { class: 'panel', id: 'book-form', novalidate: true, onsubmit: async (e) => {
    e.preventDefault();
    out.replaceChildren(message(t('loading')));
    try {
      const cpr = form.cpr.value.trim();
      const found = (await api('/visitation/cases/find-by-cpr', { method: 'POST', purpose: purpose(), body: { cpr } })).items;
      let caseId = found[0]?.id;
      if (!caseId) {
        if (!form.citizen.value.trim()) {
          out.replaceChildren(message(t('noCaseForCpr'), 'error'));
          form.citizen.setAttribute('aria-invalid', 'true');
          form.citizen.focus();
          return;
        }
        caseId = (await api('/visitation/cases', { method: 'POST', purpose: purpose(), body: {
          cpr, name: form.citizen.value.trim(), payingMunicipality: form.payingMunicipality.value,
          needs: { targetGroups: [offer.targetGroups[0]], paragraph: offer.paragraphs[0].paragraph, supportLevel: 'medium' },
        } })).id;
      }
      const booked = await api(`/visitation/cases/${caseId}/bookings`, { method: 'POST', purpose: purpose(), body: { offerId: offer.offerId, period: form.period.value, units: Number(form.units.value) } });
      location.hash = `#/bookings/${booked.id}`;
    } catch (error) {
      out.replaceChildren(message(error.message, 'error'));
    }
  } },
  purposeField(),
  el('div', { class: 'fields' },
    field(t('cpr'), el('input', { name: 'cpr', id: 'cpr', inputmode: 'numeric', autocomplete: 'off', pattern: '\\d{10}', required: true }), t('cprHint')),
    field(t('citizenNameIfNew'), el('input', { name: 'citizen', id: 'citizen', autocomplete: 'off' })),
    field(t('payingMunicipality'), select('payingMunicipality', reference().municipalities.map((m) => [m.code, m.name]), me().municipality)),
    field(t('period'), periodInput(offer.units.per, currentPeriod(offer.units.per)), offer.units.per === 'week' ? t('periodHintWeek') : t('periodHintMonth')),
    field(t('unitsCount'), el('input', { name: 'units', id: 'units', type: 'number', min: 1, max: 10000, value: 1, required: true }))),
  el('div', { class: 'actions' }, el('button', { class: 'primary', type: 'submit' }, t('bookUnits'))));
  form.period.addEventListener('change', () => showFree(form.period.value));
  showFree(form.period.value);
  return [heading, el('p', {}, t('bookUnitsIntro')),
    el('p', {}, el('a', { href: `#/offer/${offer.offerId}` }, offer.name), ` · ${offer.operator.name} · ${unitsText(offer.units)}`), free, out, form];
}

async function bookingPage({ params }) {
  const id = params[0];
  const box = el('section', { 'aria-live': 'polite' });
  const feedback = el('div', { 'aria-live': 'polite' });
  const show = async () => {
    const b = await api(`/visitation/bookings/${id}`, { purpose: purpose() });
    const offer = await offerOf(b.offerId);
    const price = await api(`/tariffs/offers/${b.offerId}/tariffs/${b.period.slice(0, 4)}`).catch(() => null);
    const rows = [
      [t('offer'), offer ? el('a', { href: `#/offer/${b.offerId}` }, offer.name) : t('unknownOffer')],
      [t('status'), el('strong', { id: 'booking-status' }, bookingStatus(b.status))],
      [t('reason'), b.reason],
      [t('period'), b.period],
      [t('bookedUnits'), String(b.units)],
      [t('deliveredUnits'), el('span', { id: 'delivered-units' }, String(b.deliveredUnits))],
      [t('unitPrice'), price?.unitPrice ? formatAmount(price.unitPrice, lang()) : t('noUnitPrice')],
      [t('payingMunicipality'), municipalityName(b.payingMunicipality)],
    ].filter(([, v]) => v !== null && v !== undefined);
    const parts = [el('dl', { class: 'contract' }, ...rows.flatMap(([term, value]) => [el('dt', {}, term), el('dd', {}, value)]))];
    if (b.status === 'requested') parts.push(message(t('waiting')));
    if (['requested', 'reserved'].includes(b.status) && b.deliveredUnits === 0) {
      parts.push(el('div', { class: 'actions' }, el('button', { type: 'button', class: 'secondary', id: 'cancel-booking', onclick: async () => {
        try {
          await api(`/visitation/bookings/${id}/cancel`, { method: 'POST', purpose: purpose() });
          await show();
          feedback.replaceChildren(message(t('bookingCancelled'), 'success'));
        } catch (error) {
          feedback.replaceChildren(message(error.message, 'error'));
        }
      } }, t('cancelBooking'))));
    }
    box.replaceChildren(...parts);
    if (b.status === 'requested' && location.hash.includes(id)) setTimeout(show, 800);
  };
  await show();
  return [el('h1', {}, t('booking')), purposeField(), feedback, box];
}

async function deliveriesPage({ query }) {
  const offers = (await ownOffers()).filter((o) => o.units);
  const heading = el('h1', {}, t('deliveries'));
  if (!offers.length) return [heading, el('p', {}, t('noUnitOffers'))];
  const selected = offers.find((o) => o.offerId === query.get('offer')) ?? offers[0];
  const period = query.get('period') || currentPeriod(selected.units.per);
  const picker = el('form', { class: 'panel', onsubmit: (e) => { e.preventDefault(); location.hash = `#/deliveries?offer=${picker.offer.value}&period=${encodeURIComponent(picker.period.value)}`; } },
    el('div', { class: 'fields' },
      field(t('offer'), select('offer', offers.map((o) => [o.offerId, `${o.name} (${unitsText(o.units)})`]), selected.offerId)),
      field(t('period'), periodInput(selected.units.per, period), selected.units.per === 'week' ? t('periodHintWeek') : t('periodHintMonth'))),
    el('div', { class: 'actions' }, el('button', { class: 'secondary', type: 'submit' }, t('show'))));
  const out = el('div', { 'aria-live': 'polite' });
  let bookings;
  try {
    bookings = await api(`/offers/offers/${selected.offerId}/bookings?period=${encodeURIComponent(period)}`);
  } catch (error) {
    return [heading, el('p', {}, t('deliveriesIntro')), picker, message(error.message, 'error')];
  }
  const label = (b) => `${b.period} · ${b.deliveredUnits}/${b.units} · ${t('paidBy')} ${municipalityName(b.payingMunicipality)}`;
  const table = el('table', { id: 'unit-bookings' }, el('caption', {}, `${t('bookingFor')} ${selected.name}, ${period}`),
    el('thead', {}, el('tr', {}, ...[t('period'), t('status'), t('bookedUnits'), t('deliveredUnits'), t('payingMunicipality'), t('actingMunicipality')].map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, ...bookings.map((b) => el('tr', { 'data-booking': b.bookingId },
      el('td', {}, `${b.period} (${formatDate(b.from, lang())}–${formatDate(b.to, lang())})`), el('td', {}, bookingStatus(b.status)), el('td', { class: 'num' }, String(b.units)),
      el('td', { class: 'num' }, String(b.deliveredUnits)), el('td', {}, municipalityName(b.payingMunicipality)), el('td', {}, municipalityName(b.actingMunicipality))))));
  const open = bookings.filter((b) => b.status === 'reserved');
  const form = el('form', { class: 'panel', id: 'delivery-form', novalidate: true, onsubmit: async (e) => {
    e.preventDefault();
    try {
      await api(`/offers/offers/${selected.offerId}/bookings/${form.booking.value}/deliveries`, { method: 'POST', body: { deliveredOn: form.deliveredOn.value, units: Number(form.deliveredUnits.value) } });
      flashAfterReload(t('deliverySaved'));
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    } catch (error) {
      out.replaceChildren(message(error.message, 'error'));
    }
  } },
  el('h2', {}, t('recordDelivery')),
  el('div', { class: 'fields' },
    field(t('booking'), select('booking', open.map((b) => [b.bookingId, label(b)]))),
    field(t('deliveredOn'), el('input', { name: 'deliveredOn', id: 'delivered-on', type: 'date', required: true, value: today() })),
    field(t('deliveredUnits'), el('input', { name: 'deliveredUnits', id: 'delivered-count', type: 'number', min: 1, max: 10000, value: 1, required: true }))),
  el('div', { class: 'actions' }, el('button', { class: 'primary', type: 'submit' }, t('recordDelivery'))));
  // More or fewer units a period; the service refuses fewer than a current or coming period has booked.
  const capacity = el('form', { class: 'panel', id: 'units-form', novalidate: true, onsubmit: async (e) => {
    e.preventDefault();
    try {
      await api(`/offers/offers/${selected.offerId}/units`, { method: 'PATCH', body: { unitsPerPeriod: Number(capacity.unitsPerPeriod.value) } });
      flashAfterReload(t('saved'));
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    } catch (error) {
      out.replaceChildren(message(error.message, 'error'));
    }
  } },
  el('h2', {}, t('unitsPerPeriod')),
  el('div', { class: 'fields' }, field(`${t('unitsPerPeriod')} (${t('unitPeriods')[selected.units.per]})`,
    el('input', { name: 'unitsPerPeriod', id: 'units-per-period', type: 'number', min: 1, max: 100000, required: true, value: selected.units.unitsPerPeriod }))),
  el('div', { class: 'actions' }, el('button', { class: 'secondary', type: 'submit' }, t('save'))));
  showFlash(out);
  return [heading, el('p', {}, t('deliveriesIntro')), picker, out, bookings.length ? table : el('p', {}, t('noBookings')), open.length ? form : '', capacity];
}

export const bookingPages = { book: bookPage, bookings: bookingPage, deliveries: deliveriesPage };
