// Visitation officer (sagsbehandler): find offers, open a case and request a place, follow it to
// confirmed or rejected, the waiting list and the worklist.
import { groupName, lang, me, municipalityName, offerOf, paragraphLabel, reference, regionName, statusName, t } from './app.js';
import { formatAmount, formatDate, parseAmount, plural } from './formats.js';
import { goalsSection } from './progression.js';
import { unitsText } from './bookings.js';
import { api, el, field, message, select } from './ui.js';

let lastResults = [];

const PAGE_SIZE = 20;

async function findPage({ query }) {
  const ref = reference();
  let offset = 0;
  const form = el('form', { class: 'panel', role: 'search', onsubmit: (e) => { e.preventDefault(); offset = 0; run(); } },
    el('div', { class: 'fields' },
      field(t('offerName'), el('input', { name: 'q', id: 'q', type: 'search', autocomplete: 'off', value: query.get('q') ?? '' })),
      field(t('targetGroup'), select('targetGroup', [['', t('any')], ...ref.targetGroups.map((g) => [g.id, g[lang()]])], query.get('targetGroup') ?? '')),
      field(t('paragraph'), select('paragraph', [['', t('any')], ...ref.paragraphs.map((p) => [p, paragraphLabel(p)])], query.get('paragraph') ?? '')),
      field(t('region'), select('region', [['', t('any')], ...ref.regions.map((r) => [r.code, r.name])], query.get('region') ?? '')),
      field(t('kindFilter'), select('kind', [['', t('any')], ...Object.entries(t('kindFilters')), ...Object.entries(t('serviceKinds'))], query.get('kind') ?? '')),
      field(t('searchFrom'), select('from', [['', t('nowhere')], ['municipality', t('fromMunicipality')], ['postal-code', t('fromPostalCode')]], query.get('from') ?? '')),
      field(t('municipality'), select('fromMunicipality', [...ref.municipalities].sort((a, b) => a.name.localeCompare(b.name, 'da')).map((m) => [m.code, m.name]), me().municipality ?? '0101'), t('municipalitySeatHint')),
      field(t('postalCode'), el('input', { name: 'fromPostalCode', id: 'fromPostalCode', inputmode: 'numeric', autocomplete: 'postal-code', maxlength: 4, pattern: '[0-9]{4}' }), t('postalCodeHint')),
      field(t('maxKm'), el('input', { name: 'maxKm', id: 'maxKm', type: 'number', min: 1, max: 1000, inputmode: 'numeric' })),
      field(t('maxTariff'), el('input', { name: 'maxTariff', id: 'maxTariff', inputmode: 'decimal' }), t('amountHint')),
      field(t('sortBy'), select('sort', Object.entries(t('sorts')), 'relevance')),
      el('div', { class: 'check' }, el('input', { type: 'checkbox', name: 'hasVacancy', id: 'hasVacancy' }), el('label', { for: 'hasVacancy' }, t('vacantOnly')))),
    el('div', { class: 'actions' }, el('button', { class: 'primary', type: 'submit' }, t('search'))));
  const results = el('section', { 'aria-labelledby': 'results-heading' });
  async function run() {
    const q = new URLSearchParams({ limit: String(PAGE_SIZE), offset: String(offset) });
    for (const name of ['q', 'targetGroup', 'paragraph', 'region', 'kind']) if (form[name].value.trim()) q.set(name, form[name].value.trim());
    if (form.hasVacancy.checked) q.set('hasVacancy', 'true');
    // Distance from a municipality's seat or a typed postal code's town; the server says which town it measured from.
    if (form.from.value === 'municipality') q.set('fromMunicipality', form.fromMunicipality.value);
    if (form.from.value === 'postal-code') q.set('fromPostalCode', form.fromPostalCode.value.trim());
    if (form.from.value && form.maxKm.value) q.set('maxDistanceKm', form.maxKm.value);
    if (form.sort.value !== 'relevance') q.set('sort', form.sort.value);
    if (form.maxTariff.value) {
      const amount = parseAmount(form.maxTariff.value);
      if (!amount) { results.replaceChildren(message(`${t('notAnAmount')} ${t('maxTariff')}`, 'error')); return; }
      q.set('maxDayTariff', amount);
    }
    results.replaceChildren(el('p', {}, t('loading')));
    try {
      const found = await api(`/visitation/offers?${q}`);
      lastResults = found.items;
      const pager = el('nav', { class: 'pager', 'aria-label': t('pages') },
        offset > 0 ? el('button', { type: 'button', class: 'secondary', id: 'previous-page', onclick: () => { offset = Math.max(0, offset - PAGE_SIZE); run(); } }, t('previousPage')) : '',
        offset + found.count < Math.min(found.total, 2000) ? el('button', { type: 'button', class: 'secondary', id: 'next-page', onclick: () => { offset += PAGE_SIZE; run(); } }, t('nextPage')) : '');
      const from = found.from?.place ? el('p', { id: 'measured-from' }, t('measuredFrom')(`${found.from.place.postalCode} ${found.from.place.town}`, found.from.exact)) : '';
      results.replaceChildren(
        el('h2', { id: 'results-heading', tabindex: '-1' }, found.count ? t('showing')(offset + 1, offset + found.count, found.total) : t('results')), from,
        found.items.length ? el('ol', { class: 'results', start: offset + 1 }, ...found.items.map(resultItem)) : el('p', {}, t('noResults')), pager);
      if (offset > 0) results.querySelector('h2').focus();
    } catch (error) {
      results.replaceChildren(message(error.message, 'error'));
    }
  }
  run();
  return [el('h1', {}, t('find')), form, results];
}

/** A ranking reason in the page's language, from its code and figures (the server's `reasons` are Danish only). */
function reasonText(reason) {
  const say = t('rankReasons');
  switch (reason.code) {
    case 'target-groups': return say.targetGroups(reason.served, reason.wanted);
    case 'specialisation-level': return reason.same ? say.sameLevel : `${t('specialisation')}: ${t('specialisationLevels')[reason.level] ?? reason.level}`;
    case 'vacant-places': return reason.places > 0 ? plural(reason.places, say.vacantPlaces, lang()) : say.noVacancy;
    case 'not-admitting': return `${say.notAdmitting} (${statusName(reason.status)})`;
    case 'distance': return say.distance(reason.km);
    case 'day-rate': return say.dayRate(formatAmount(reason.dayRate, lang()));
    case 'no-tariff': return say.noTariff;
    default: return '';
  }
}

/** A single service (enkeltydelse) in the results: what it sells, its unit price, and a link to book it. */
function unitResultItem(o) {
  const admits = o.status === 'active';
  return el('li', { class: 'result', 'data-offer': o.offerId },
    el('h3', {}, el('a', { href: `#/offer/${o.offerId}` }, o.name), el('span', { class: 'badge' }, ` ${t('singleService')}`), admits ? '' : el('span', { class: 'badge warn' }, ` ${statusName(o.status)}`)),
    el('p', { class: 'meta' }, `${o.operator.name} · ${municipalityName(o.municipalityCode)} · ${regionName(o.regionCode)} · ${o.targetGroups.map(groupName).join(', ')} · § ${o.paragraphs.map((p) => p.paragraph).join(', ')}`),
    el('p', {}, el('span', { 'data-units-for': o.offerId }, unitsText(o.units)),
      o.units.travelRegions ? ` · ${t('travelRegions')}: ${o.units.travelRegions.map(regionName).join(', ')}` : '',
      ` · ${t('unitPrice')} ${o.unitPrice ? formatAmount(o.unitPrice, lang()) : t('noUnitPrice')}`),
    admits ? el('a', { href: `#/book?offer=${o.offerId}`, class: 'request-link' }, `${t('bookUnits')}: ${o.name}`) : el('p', {}, t('noNewPlacements')));
}

function resultItem(o) {
  if (o.units) return unitResultItem(o);
  const vacancy = el('strong', { 'data-vacant-for': o.offerId, 'data-offer-name': o.name }, String(o.capacity.vacantPlaces));
  // An offer that is closing (or closed to admissions) takes no new placements: marked, and no request link.
  const admits = o.status === 'active';
  return el('li', { class: 'result', 'data-offer': o.offerId },
    el('h3', {}, el('a', { href: `#/offer/${o.offerId}` }, o.name), admits ? '' : el('span', { class: 'badge warn' }, ` ${statusName(o.status)}`),
      o.demo ? el('span', { class: 'badge' }, ` ${t('demoBadge')}`) : ''),
    el('p', { class: 'meta' }, `${o.operator.name} · ${municipalityName(o.municipalityCode)} · ${regionName(o.regionCode)} · ${o.targetGroups.map(groupName).join(', ')} · § ${o.paragraphs.map((p) => p.paragraph).join(', ')}`),
    el('p', {}, vacancy, ` ${t('vacant')} · `, el('span', { 'data-approved-for': o.offerId }, String(o.capacity.approvedPlaces)), ` ${t('approved')}`,
      o.rank.dayRate ? ` · ${t('dayTariff')} ${formatAmount(o.rank.dayRate, lang())}` : '',
      o.rank.distanceKm !== null ? ` · ${Math.round(o.rank.distanceKm)} km` : '',
      ` · ${o.effect?.enoughData ? `${t('goalsMet')} ${o.effect.goalsMetShare.toLocaleString(lang() === 'da' ? 'da-DK' : 'en-GB', { style: 'percent', maximumFractionDigits: 1 })}` : t('effectUnknown')}`),
    el('p', {}, el('span', { class: 'badge ok' }, `${t('rank')} ${Math.round(o.rank.score * 100)}`), ` ${t('why')}: ${o.rank.why.map(reasonText).join('; ')}`),
    admits ? el('a', { href: `#/new-case?offer=${o.offerId}`, class: 'request-link' }, `${t('requestPlace')}: ${o.name}`) : el('p', {}, t('noNewPlacements')));
}

async function newCasePage({ query }) {
  const ref = reference();
  const own = me().municipality;
  const preselected = query.get('offer');
  const chosen = preselected ? (lastResults.find((o) => o.offerId === preselected) ?? await offerOf(preselected)) : null;
  const out = el('div', { 'aria-live': 'polite' });
  const tomorrow = new Date(Date.now() + 86400000).toISOString().slice(0, 10);
  const choices = el('div', { id: 'offer-choices' });
  // Choosing an offer brings the needs in line with it where they do not fit (the officer can still change them).
  const fitNeedsTo = (o) => {
    if (!o.targetGroups.includes(form.targetGroup.value)) form.targetGroup.value = o.targetGroups[0];
    if (!o.paragraphs.some((p) => p.paragraph === form.paragraph.value)) form.paragraph.value = o.paragraphs[0].paragraph;
  };
  const showChoices = (offers) => {
    choices.replaceChildren(offers.length
      ? el('fieldset', {}, el('legend', {}, t('chooseOffer')), ...offers.map((o, i) => el('div', { class: 'check' },
        el('input', { type: 'radio', name: 'offerId', id: `offer-${o.offerId}`, value: o.offerId, required: true, checked: offers.length === 1 || i === 0 && o.offerId === preselected, onchange: () => fitNeedsTo(o) }),
        el('label', { for: `offer-${o.offerId}` }, `${o.name} · ${municipalityName(o.municipalityCode)} · ${plural(o.capacity.vacantPlaces, t('vacantPlaces'), lang())}`))))
      : el('p', {}, t('noResults')));
    if (offers.length === 1) fitNeedsTo(offers[0]);
  };
  const offerQuery = el('input', { name: 'offerQuery', id: 'offerQuery', type: 'search', autocomplete: 'off' });
  const findOffers = async () => {
    const q = new URLSearchParams({ limit: '10' });
    // By name when one is typed; otherwise the offers that fit the case's target group and paragraph.
    if (offerQuery.value.trim()) q.set('q', offerQuery.value.trim());
    else { q.set('targetGroup', form.targetGroup.value); q.set('paragraph', form.paragraph.value); }
    choices.replaceChildren(el('p', {}, t('loading')));
    try {
      showChoices((await api(`/visitation/offers?${q}`)).items);
    } catch (error) {
      choices.replaceChildren(message(error.message, 'error'));
    }
  };
  // Enter in the offer search searches; it does not send the case.
  offerQuery.addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); findOffers(); } });
  const form = el('form', { class: 'panel', onsubmit: async (e) => {
    e.preventDefault();
    out.replaceChildren(message(t('loading')));
    try {
      // One request: the case is kept only if the placement request is accepted.
      const opened = await api('/visitation/cases', { method: 'POST', purpose: purpose(), body: {
        cpr: form.cpr.value.trim(), name: form.citizen.value.trim(), payingMunicipality: form.payingMunicipality.value,
        needs: { targetGroups: [form.targetGroup.value], paragraph: form.paragraph.value, supportLevel: form.supportLevel.value },
        placement: { offerId: form.elements.offerId?.value ?? '', startDate: form.startDate.value },
      } });
      location.hash = `#/placements/${opened.placement.id}`;
    } catch (error) {
      out.replaceChildren(message(error.message, 'error'));
    }
  } },
  el('div', { class: 'fields' },
    purposeField(),
    field(t('cpr'), el('input', { name: 'cpr', id: 'cpr', inputmode: 'numeric', autocomplete: 'off', pattern: '\\d{10}', required: true }), t('cprHint')),
    field(t('name'), el('input', { name: 'citizen', id: 'citizen', autocomplete: 'off', required: true })),
    field(t('payingMunicipality'), select('payingMunicipality', ref.municipalities.map((m) => [m.code, m.name]), own)),
    field(t('targetGroup'), select('targetGroup', ref.targetGroups.map((g) => [g.id, g[lang()]]), chosen?.targetGroups[0])),
    field(t('paragraph'), select('paragraph', ref.paragraphs.map((p) => [p, paragraphLabel(p)]), chosen?.paragraphs[0]?.paragraph)),
    field(t('supportLevel'), select('supportLevel', [['low', t('low')], ['medium', t('medium')], ['high', t('high')]], 'medium')),
    field(t('startDate'), el('input', { name: 'startDate', id: 'startDate', type: 'date', value: tomorrow, required: true }))),
  el('div', { class: 'fields' },
    field(t('searchOffer'), offerQuery, t('searchOfferHint')),
    el('div', { class: 'actions' }, el('button', { type: 'button', class: 'secondary', id: 'find-offers', onclick: findOffers }, t('search')))),
  choices,
  el('div', { class: 'actions' }, el('button', { class: 'primary', type: 'submit' }, t('openCase'))));
  if (chosen) showChoices([chosen]);
  return [el('h1', {}, t('newCase')), form, out];
}

/** The placement's contract as a list of terms: [label, value] pairs, empty ones left out. */
function contractList(rows) {
  return el('dl', { class: 'contract' }, ...rows.filter((r) => r && r[1] !== null && r[1] !== undefined && r[1] !== '').flatMap(([term, value]) => [el('dt', {}, term), el('dd', {}, value)]));
}

async function placementPage({ params }) {
  const id = params[0];
  const box = el('section', { 'aria-live': 'polite' });
  const feedback = el('div', { 'aria-live': 'polite' });
  const act = async (work, done) => {
    feedback.replaceChildren(message(t('loading')));
    try {
      await work();
      await show(); // the contract as it now stands, then the word that it worked
      feedback.replaceChildren(message(done, 'success'));
    } catch (error) {
      feedback.replaceChildren(message(error.message, 'error'));
    }
  };
  const goals = el('div');
  const show = async () => {
    const p = await api(`/visitation/placements/${id}`, { purpose: purpose() });
    const offer = await offerOf(p.offerId);
    const year = (p.endDate ?? new Date().toISOString()).slice(0, 4) < p.startDate.slice(0, 4) ? p.startDate.slice(0, 4) : new Date().toISOString().slice(0, 4);
    const tariff = await api(`/tariffs/offers/${p.offerId}/tariffs/${year}`).catch(() => null);
    const rates = tariff?.status === 'published' || tariff?.rates ? tariff.rates ?? {} : {};
    const packageName = (code) => (code === 'base' ? t('basePackage') : code);
    const parts = [contractList([
      [t('offer'), offer ? el('a', { href: `#/offer/${p.offerId}` }, offer.name) : t('unknownOffer')],
      [t('operator'), offer?.operator?.name],
      [t('status'), el('strong', { id: 'placement-status' }, statusName(p.status))],
      [t('startDate'), formatDate(p.startDate, lang())],
      [t('package'), packageName(p.packageCode)],
      [t('dayTariff'), rates[p.packageCode] ? `${formatAmount(rates[p.packageCode], lang())} (${year})` : t('noTariff')],
      [t('payingMunicipality'), municipalityName(p.payingMunicipality)],
      [t('actingMunicipality'), municipalityName(p.actingMunicipality)],
      [t('paragraph'), `§ ${p.paragraph}`],
      [t('targetGroup'), groupName(p.targetGroup)],
      [t('noticePeriod'), t('noticePeriodText')],
      [t('reviewDate'), p.reviewDate ? formatDate(p.reviewDate, lang()) : null],
      [t('noticeGivenOn'), p.noticeGivenOn ? formatDate(p.noticeGivenOn, lang()) : null],
      [t('endDate'), p.endDate ? formatDate(p.endDate, lang()) : null],
      [t('replaceFrom'), p.needsReplacementFrom ? formatDate(p.needsReplacementFrom, lang()) : null],
    ])];
    if (p.status === 'requested') parts.push(message(t('waiting')));
    if (p.status === 'reserved') {
      parts.push(message(t('reservedText')), el('button', { type: 'button', class: 'primary', id: 'confirm',
        onclick: () => act(() => api(`/visitation/placements/${id}/confirm`, { method: 'POST', purpose: purpose() }), t('confirmed')) }, t('confirm')));
    }
    if (['requested', 'reserved'].includes(p.status)) {
      parts.push(el('button', { type: 'button', class: 'secondary', id: 'cancel',
        onclick: () => act(() => api(`/visitation/placements/${id}/cancel`, { method: 'POST', purpose: purpose() }), t('requestCancelled')) }, t('cancelRequest')));
    }
    if (['rejected', 'expired', 'timed-out', 'cancelled'].includes(p.status)) parts.push(message(`${t('rejected')} ${p.reason ?? ''}`, 'error'));
    if (['started', 'notice-given'].includes(p.status)) parts.push(...contractActions(p, rates, packageName));
    box.replaceChildren(...parts);
    // Goals and their measurements, for a placement that runs or has run.
    goals.replaceChildren(['started', 'notice-given', 'ended'].includes(p.status) ? await goalsSection(id, p.status, purpose()) : '');
    if (p.status === 'requested' && location.hash.includes(id)) setTimeout(show, 800);
  };
  /** Package change, notice and end of a running placement, each its own small form. */
  function contractActions(p, rates, packageName) {
    const codes = Object.keys(rates).length ? Object.keys(rates) : [p.packageCode];
    const today = new Date().toISOString().slice(0, 10);
    const pkg = el('form', { class: 'panel', id: 'package-form', onsubmit: (e) => { e.preventDefault(); act(() => api(`/visitation/placements/${id}/package`, { method: 'POST', purpose: purpose(), body: { packageCode: pkg.packageCode.value, effectiveDate: pkg.effectiveDate.value } }), t('saved')); } },
      el('h2', {}, t('changePackage')),
      el('div', { class: 'fields' },
        field(t('package'), select('packageCode', codes.map((c) => [c, rates[c] ? `${packageName(c)} · ${formatAmount(rates[c], lang())}` : packageName(c)]), p.packageCode)),
        field(t('effectiveDate'), el('input', { name: 'effectiveDate', id: 'packageEffective', type: 'date', value: today, required: true }))),
      el('div', { class: 'actions' }, el('button', { class: 'secondary', type: 'submit' }, t('changePackage'))));
    const notice = p.status === 'started' ? el('form', { class: 'panel', id: 'notice-form', onsubmit: (e) => { e.preventDefault(); act(() => api(`/visitation/placements/${id}/notice`, { method: 'POST', purpose: purpose(), body: { givenOn: notice.givenOn.value } }), t('noticeGiven')); } },
      el('h2', {}, t('giveNotice')), el('p', {}, t('noticePeriodText')),
      el('div', { class: 'fields' }, field(t('noticeGivenOn'), el('input', { name: 'givenOn', id: 'givenOn', type: 'date', value: today, required: true }))),
      el('div', { class: 'actions' }, el('button', { class: 'secondary', type: 'submit' }, t('giveNotice')))) : '';
    const end = el('form', { class: 'panel', id: 'end-form', onsubmit: (e) => { e.preventDefault(); act(() => api(`/visitation/placements/${id}/end`, { method: 'POST', purpose: purpose(), body: { endDate: end.endDate.value } }), t('placementEnded')); } },
      el('h2', {}, t('endPlacement')),
      el('div', { class: 'fields' }, field(t('endDate'), el('input', { name: 'endDate', id: 'endDate', type: 'date', value: p.endDate ?? today, required: true }))),
      el('div', { class: 'actions' }, el('button', { class: 'secondary', type: 'submit' }, t('endPlacement'))));
    return [pkg, notice, end];
  }
  await show();
  return [el('h1', {}, t('placement')), purposeField(), feedback, box, goals];
}

async function waitlistPage() {
  const list = await api('/visitation/waitlist', { purpose: purpose() });
  const rows = (list.items ?? list).map((w) => el('tr', {}, el('td', {}, groupName(w.targetGroup)), el('td', {}, `§ ${w.paragraph}`), el('td', {}, regionName(w.regionCode)),
    el('td', {}, t('waitlistStatuses')[w.status] ?? w.status), el('td', {}, new Date(w.addedAt).toLocaleDateString(lang() === 'da' ? 'da-DK' : 'en-GB'))));
  return [el('h1', {}, t('waitlist')), rows.length ? el('table', {}, el('caption', {}, t('waitlist')),
    el('thead', {}, el('tr', {}, ...[t('targetGroup'), t('paragraph'), t('region'), t('status'), t('date')].map((h) => el('th', { scope: 'col' }, h)))), el('tbody', {}, ...rows)) : el('p', {}, t('none'))];
}

async function worklistPage() {
  const work = await api('/visitation/worklist', { purpose: purpose() });
  const offers = new Map(await Promise.all([...new Set([...work.reviewsDue, ...work.notices, ...work.replacements].map((p) => p.offerId))]
    .map(async (offerId) => [offerId, (await offerOf(offerId))?.name ?? t('unknownOffer')])));
  const dated = (label, day) => (day ? ` · ${label} ${formatDate(day, lang())}` : '');
  const section = (title, items) => [el('h2', {}, title), items.length
    ? el('ul', {}, ...items.map((p) => el('li', {}, el('a', { href: `#/placements/${p.id}` }, `${offers.get(p.offerId)} (${t('placement').toLowerCase()} ${t('from')} ${formatDate(p.startDate, lang())})`),
      ` · ${statusName(p.status)}`, dated(t('reviewDate'), p.reviewDate), dated(t('endDate'), p.endDate), dated(t('replaceFrom'), p.needsReplacementFrom))))
    : el('p', {}, t('none'))];
  return [el('h1', {}, t('worklist')), purposeField(), ...section(t('reviewsDue'), work.reviewsDue), ...section(t('notices'), work.notices), ...section(t('replacements'), work.replacements)];
}

/** Why the officer opens citizen data; the audit log records it. Chosen once and kept for the session. */
export const PURPOSES = ['visitation', 'follow-up', 'notice', 'complaint', 'supervision'];
export const purpose = () => (PURPOSES.includes(sessionStorage.getItem('purpose')) ? sessionStorage.getItem('purpose') : 'visitation');

export function purposeField() {
  const choice = select('purpose', PURPOSES.map((p) => [p, t('purposes')[p]]), purpose());
  choice.addEventListener('change', () => sessionStorage.setItem('purpose', choice.value));
  return el('div', { class: 'fields' }, field(t('purpose'), choice, t('purposeHint')));
}

export const officerPages = { find: findPage, 'new-case': newCasePage, placements: placementPage, waitlist: waitlistPage, worklist: worklistPage };
