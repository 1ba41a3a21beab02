// Offer manager (tilbudsleder): its offers, capacity, confirming the data, closures and reductions
// with the notice rule shown first, early warnings, and budgets with the tariff line by line.
import { lang, me, statusName, t } from './app.js';
import { formatAmount, formatDate, parseAmount } from './formats.js';
import { api, el, field, message, select } from './ui.js';

const operatorId = () => (me().operator ?? '').split(':')[1];

/** The offers of the signed-in manager's operator (every manager page picks from them). */
export async function ownOffers() {
  return (await api(`/offers/offers?operator=${operatorId()}&pageSize=100`)).items;
}

/** The region's notice rule and the earliest effective date it allows today (null when it cannot be read). */
function noticeRuleOf(offerId) {
  return api(`/offers/offers/${offerId}/notice-rule`).catch(() => null);
}

async function myOffersPage({ query }) {
  const offers = await ownOffers();
  const selected = offers.find((o) => o.offerId === query.get('offer')) ?? offers[0];
  if (!selected) return [el('h1', {}, t('myOffers')), el('p', {}, t('none')), el('p', {}, el('a', { href: '#/new-offer' }, t('newOffer')))];
  const out = el('div', { 'aria-live': 'polite' });
  const act = async (work, done = t('saved')) => {
    out.replaceChildren(message(t('loading')));
    try {
      await work();
      out.replaceChildren(message(done, 'success'));
      setTimeout(() => document.dispatchEvent(new Event('reload-offer')), 0);
    } catch (error) {
      out.replaceChildren(message(error.message, 'error'));
    }
  };
  const picker = el('form', { class: 'panel', onsubmit: (e) => { e.preventDefault(); location.hash = `#/my-offers?offer=${picker.offer.value}`; } },
    field(t('offer'), select('offer', offers.map((o) => [o.offerId, `${o.name} (${statusName(o.status)})`]), selected.offerId)),
    el('div', { class: 'actions' }, el('button', { class: 'secondary', type: 'submit' }, t('search'))));
  const c = selected.capacity;
  const figures = el('table', {}, el('caption', {}, `${t('capacity')}: ${selected.name}`),
    el('thead', {}, el('tr', {}, ...[t('approvedPlaces'), t('occupied'), t('reserved'), t('vacant')].map((h) => el('th', { scope: 'col', class: 'num' }, h)))),
    el('tbody', {}, el('tr', {}, el('td', { class: 'num', 'data-approved-for': selected.offerId }, String(c.approvedPlaces)), el('td', { class: 'num' }, String(c.occupiedPlaces)),
      el('td', { class: 'num' }, String(c.reservedPlaces)), el('td', { class: 'num', 'data-vacant-for': selected.offerId, 'data-offer-name': selected.name }, String(c.vacantPlaces)))));
  const paragraphs = selected.paragraphs.map((p) => [p.paragraph, `§ ${p.paragraph} (${p.approvedPlaces})`]);
  const capacity = el('form', { class: 'panel', id: 'capacity-form', onsubmit: (e) => { e.preventDefault(); act(() => api(`/offers/offers/${selected.offerId}/capacity`, { method: 'PATCH', body: { paragraph: capacity.paragraph.value, approvedPlaces: Number(capacity.approvedPlaces.value) } })); } },
    el('h2', {}, t('changeCapacity')),
    el('div', { class: 'fields' }, field(t('paragraph'), select('paragraph', paragraphs, paragraphs[0][0])),
      field(t('newApproved'), el('input', { name: 'approvedPlaces', id: 'approvedPlaces', type: 'number', min: 0, max: 10000, required: true, value: selected.paragraphs[0].approvedPlaces }))),
    el('div', { class: 'actions' }, el('button', { class: 'primary', type: 'submit' }, t('save')),
      el('button', { class: 'secondary', type: 'button', onclick: () => act(() => api(`/offers/offers/${selected.offerId}/confirm`, { method: 'POST' })) }, t('confirmData'))));
  const noticeRule = await noticeRuleOf(selected.offerId);
  const earliest = noticeRule?.earliestEffectiveDate ?? null;
  const ruleText = t('noticeRuleText')(noticeRule?.noticeMonths ?? 3, earliest ? formatDate(earliest, lang()) : '–');
  const rule = el('p', { id: 'notice-rule' }, el('strong', {}, `${t('noticeRule')}: `), ruleText);
  const closure = el('form', { class: 'panel', onsubmit: (e) => { e.preventDefault(); act(() => api(`/offers/offers/${selected.offerId}/closure`, { method: 'POST', body: { effectiveDate: closure.effectiveDate.value, reason: closure.reason.value || undefined } })); } },
    el('h2', {}, t('announceClosure')), rule,
    el('div', { class: 'fields' }, field(t('effectiveDate'), el('input', { name: 'effectiveDate', id: 'closure-date', type: 'date', min: earliest, value: earliest, required: true, 'aria-describedby': 'notice-rule' })),
      field(t('reason'), el('input', { name: 'reason', id: 'closure-reason', maxlength: 500 }))),
    el('div', { class: 'actions' }, el('button', { class: 'secondary', type: 'submit' }, t('announceClosure'))));
  const reduction = el('form', { class: 'panel', onsubmit: (e) => { e.preventDefault(); act(() => api(`/offers/offers/${selected.offerId}/adjustment`, { method: 'POST', body: { paragraph: reduction.paragraph.value, approvedPlaces: Number(reduction.approvedPlaces.value), effectiveDate: reduction.effectiveDate.value } })); } },
    el('h2', {}, t('announceReduction')), el('p', {}, ruleText),
    el('div', { class: 'fields' }, field(t('paragraph'), select('paragraph', paragraphs, paragraphs[0][0])),
      field(t('newApproved'), el('input', { name: 'approvedPlaces', id: 'reduction-places', type: 'number', min: 0, required: true })),
      field(t('effectiveDate'), el('input', { name: 'effectiveDate', id: 'reduction-date', type: 'date', min: earliest, value: earliest, required: true }))),
    el('div', { class: 'actions' }, el('button', { class: 'secondary', type: 'submit' }, t('announceReduction'))));
  document.addEventListener('reload-offer', () => { if (location.hash.startsWith('#/my-offers')) window.dispatchEvent(new HashChangeEvent('hashchange')); }, { once: true });
  const links = el('p', {}, el('a', { href: `#/offer/${selected.offerId}` }, `${t('offerPage')}: ${selected.name}`), ' · ',
    el('a', { href: `#/edit-offer/${selected.offerId}`, id: 'edit-offer-link' }, `${t('editOffer')}: ${selected.name}`), ' · ', el('a', { href: '#/new-offer' }, t('newOffer')));
  return [el('h1', {}, t('myOffers')), picker, links, figures, out, capacity, closure, reduction];
}

async function warnPage() {
  const offers = await ownOffers();
  const out = el('div', { 'aria-live': 'polite' });
  const form = el('form', { class: 'panel', onsubmit: async (e) => {
    e.preventDefault();
    try {
      await api('/notifications/early-warnings', { method: 'POST', body: { offerId: form.offer.value, category: form.category.value, severity: form.severity.value, description: form.description.value } });
      out.replaceChildren(message(t('warningRaised'), 'success'));
      form.reset();
    } catch (error) {
      out.replaceChildren(message(error.message, 'error'));
    }
  } },
  el('div', { class: 'fields' },
    field(t('offer'), select('offer', offers.map((o) => [o.offerId, o.name]))),
    field(t('category'), select('category', Object.entries(t('categories')))),
    field(t('severity'), select('severity', Object.entries(t('severities')), 'medium'))),
  field(t('description'), el('textarea', { name: 'description', id: 'description', rows: 4, minlength: 10, maxlength: 2000, required: true })),
  el('div', { class: 'actions' }, el('button', { class: 'primary', type: 'submit' }, t('raise'))));
  return [el('h1', {}, t('earlyWarning')), form, out];
}

const PACKAGE_ROWS = 3;

async function budgetPage() {
  const offers = await ownOffers();
  const out = el('section', { 'aria-live': 'polite' });
  const year = new Date().getFullYear() + 1;
  // Amounts are typed as people write them ("1.350.000,00" or "1350000.00") and checked here, field by field.
  const MONEY = ['directOperatingCosts', 'depreciationAndInterest', 'civilServantPensions', 'otherIncome'];
  const money = (name, label) => field(label, el('input', { name, id: name, inputmode: 'decimal', value: '0,00', required: true }), t('amountHint'));
  const form = el('form', { class: 'panel', novalidate: true, onsubmit: async (e) => {
    e.preventDefault();
    const amounts = {};
    for (const name of MONEY) {
      amounts[name] = parseAmount(form[name].value);
      form[name].setAttribute('aria-invalid', String(amounts[name] === null));
    }
    // Service packages (ydelsespakker): a code and its supplement per day; an hourly rate if the offer sells hours.
    const packages = [];
    for (let i = 0; i < PACKAGE_ROWS; i++) {
      const code = form[`packageCode${i}`].value.trim();
      if (!code) continue;
      const supplement = parseAmount(form[`packageSupplement${i}`].value);
      form[`packageSupplement${i}`].setAttribute('aria-invalid', String(supplement === null));
      if (supplement === null) amounts[`packageSupplement${i}`] = null;
      else packages.push({ code, supplementPerDay: supplement });
    }
    const hourlyRate = form.hourlyRate.value.trim() ? parseAmount(form.hourlyRate.value) : undefined;
    form.hourlyRate.setAttribute('aria-invalid', String(hourlyRate === null));
    if (hourlyRate === null) amounts.hourlyRate = null;
    const wrong = Object.keys(amounts).filter((name) => amounts[name] === null);
    if (wrong.length) {
      out.replaceChildren(message(`${t('notAnAmount')}: ${wrong.map((name) => form[name].labels[0].firstChild.textContent).join(', ')}`, 'error'));
      form[wrong[0]].focus();
      return;
    }
    // A single service (enkeltydelse) is budgeted in units a year, not places: its tariff is a unit price.
    const sellsUnits = Boolean(offers.find((o) => o.offerId === form.offer.value)?.units);
    try {
      const tariff = await api(`/tariffs/offers/${form.offer.value}/budgets/${form.year.value}`, { method: 'PUT', body: {
        ...amounts, ...(sellsUnits ? { budgetedUnits: Number(form.budgetedUnits.value) } : { approvedPlaces: Number(form.approvedPlaces.value) }),
        budgetedOccupancyPct: Number(form.budgetedOccupancyPct.value), packages, hourlyRate,
      } });
      out.replaceChildren(el('h2', {}, t('tariffLines')), el('p', {}, `${t('status')}: ${statusName(tariff.status)}`),
        el('table', {}, el('caption', { id: 'tariff-caption' }, tariff.unitPrice ? `${t('unitPrice')} ${formatAmount(tariff.unitPrice, lang())}` : `${t('dayTariff')} ${formatAmount(tariff.dayTariff, lang())}`),
          el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, t('description')), el('th', { scope: 'col', class: 'num' }, t('amount')))),
          el('tbody', {}, ...tariff.lines.map((l) => el('tr', {}, el('td', {}, l.label), el('td', { class: 'num' }, formatAmount(l.amount, lang())))))),
        el('table', { id: 'package-rates' }, el('caption', {}, t('packagesAndRates')),
          el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, t('package')), el('th', { scope: 'col', class: 'num' }, t('dayTariff')))),
          el('tbody', {}, ...Object.entries(tariff.rates ?? {}).map(([code, rate]) => el('tr', {}, el('th', { scope: 'row' }, code === 'base' ? t('basePackage') : code),
            el('td', { class: 'num' }, formatAmount(rate, lang())))))));
    } catch (error) {
      out.replaceChildren(message(error.message, 'error'));
    }
  } },
  el('div', { class: 'fields' },
    field(t('offer'), select('offer', offers.map((o) => [o.offerId, o.name]))),
    field(t('year'), el('input', { name: 'year', id: 'year', type: 'number', min: 2000, max: 2099, value: year, required: true })),
    money('directOperatingCosts', t('directCosts')), money('depreciationAndInterest', t('depreciation')), money('civilServantPensions', t('pensions')), money('otherIncome', t('otherIncome')),
    field(t('approvedPlaces'), el('input', { name: 'approvedPlaces', id: 'approvedPlaces', type: 'number', min: 1, value: 10, required: true })),
    field(t('budgetedUnits'), el('input', { name: 'budgetedUnits', id: 'budgetedUnits', type: 'number', min: 1, value: 1000 })),
    field(t('budgetedOccupancy'), el('input', { name: 'budgetedOccupancyPct', id: 'budgetedOccupancyPct', type: 'number', min: 1, max: 100, value: 95, required: true })),
    field(t('hourlyRate'), el('input', { name: 'hourlyRate', id: 'hourlyRate', inputmode: 'decimal' }), t('hourlyRateHint'))),
  el('fieldset', {}, el('legend', {}, t('packagesLegend')),
    ...Array.from({ length: PACKAGE_ROWS }, (_, i) => el('div', { class: 'fields' },
      field(`${t('packageCode')} ${i + 1}`, el('input', { name: `packageCode${i}`, id: `packageCode${i}`, autocomplete: 'off', pattern: '[a-z0-9-]{1,30}' }), i === 0 ? t('packageCodeHint') : undefined),
      field(`${t('supplementPerDay')} ${i + 1}`, el('input', { name: `packageSupplement${i}`, id: `packageSupplement${i}`, inputmode: 'decimal' }), i === 0 ? t('amountHint') : undefined)))),
  el('div', { class: 'actions' }, el('button', { class: 'primary', type: 'submit' }, t('computeTariff'))));
  return [el('h1', {}, t('budget')), form, out, ...yearResultForm(offers)];
}

/** Efterregulering: the year's actual cost against the income billed; the difference carried into coming budgets. */
function yearResultForm(offers) {
  const out = el('section', { 'aria-live': 'polite', id: 'year-result' });
  const form = el('form', { class: 'panel', id: 'year-result-form', novalidate: true, onsubmit: async (e) => {
    e.preventDefault();
    const actualCost = parseAmount(form.actualCost.value);
    form.actualCost.setAttribute('aria-invalid', String(actualCost === null));
    if (actualCost === null) {
      out.replaceChildren(message(`${t('notAnAmount')}: ${t('actualCost')}`, 'error'));
      form.actualCost.focus();
      return;
    }
    try {
      const result = await api(`/tariffs/offers/${form.resultOffer.value}/results/${form.resultYear.value}`, { method: 'POST', body: { actualCost } });
      out.replaceChildren(el('table', {}, el('caption', {}, `${t('yearResult')} ${form.resultYear.value}`),
        el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, t('description')), el('th', { scope: 'col', class: 'num' }, t('amount')))),
        el('tbody', {}, ...result.lines.map((l) => el('tr', {}, el('td', {}, l.label), el('td', { class: 'num' }, formatAmount(l.amount, lang())))))));
    } catch (error) {
      out.replaceChildren(message(error.message, 'error'));
    }
  } },
  el('h2', {}, t('yearResult')), el('p', {}, t('yearResultIntro')),
  el('div', { class: 'fields' },
    field(t('offer'), select('resultOffer', offers.map((o) => [o.offerId, o.name]))),
    field(t('year'), el('input', { name: 'resultYear', id: 'resultYear', type: 'number', min: 2000, max: 2099, value: new Date().getFullYear() - 1, required: true })),
    field(t('actualCost'), el('input', { name: 'actualCost', id: 'actualCost', inputmode: 'decimal', required: true }), t('amountHint'))),
  el('div', { class: 'actions' }, el('button', { class: 'primary', type: 'submit' }, t('recordYearResult'))));
  return [form, out];
}

export const offerManagerPages = { 'my-offers': myOffersPage, warn: warnPage, budget: budgetPage };
