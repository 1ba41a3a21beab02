// Offer managers register a new offer (Nyt tilbud) and edit an existing one (Ret tilbud). A
// refusal is shown beside each field it concerns, in the reader's language.
import { lang, me, municipalityName, paragraphLabel, reference, regionName, statusName, t } from './app.js';
import { FIELD_RULES } from './errors.js';
import { api, el, field, message, select } from './ui.js';

const PARAGRAPH_ROWS = 3;

/** "56,1629" or "56.1629" as a number; NaN when it is none. */
const decimal = (text) => (/^-?\d{1,3}([.,]\d+)?$/.test(String(text).trim()) ? Number(String(text).trim().replace(',', '.')) : NaN);

/** The operator the signed-in manager acts for (`municipality:0751` → kind, id and a name). */
function ownOperator() {
  const [kind, id] = String(me().operator ?? '').split(':');
  const name = kind === 'municipality' ? `${municipalityName(id)} Kommune` : kind === 'region' ? regionName(id) : '';
  return { kind, id, name };
}

/** Marks each field a refusal names (aria-invalid, a message tied by aria-describedby); clears the others. */
function showViolations(form, error) {
  for (const node of form.querySelectorAll('[aria-invalid]')) node.removeAttribute('aria-invalid');
  for (const node of form.querySelectorAll('.field-error')) node.remove();
  const violations = Array.isArray(error.body?.violations) ? error.body.violations : [];
  for (const v of violations) {
    const control = form.querySelector(`[data-field="${CSS.escape(v.field)}"]`) ?? form.querySelector(`[data-field="${CSS.escape(v.field.split('.')[0])}"]`);
    if (!control) continue;
    const id = `${control.id}-error`;
    control.setAttribute('aria-invalid', 'true');
    control.setAttribute('aria-describedby', [control.getAttribute('aria-describedby'), id].filter(Boolean).join(' '));
    control.closest('.field, fieldset')?.append(el('p', { class: 'field-error', id }, FIELD_RULES[lang()][v.rule] ?? FIELD_RULES[lang()].invalid));
  }
}

function offerFields(offer) {
  const ref = reference();
  const input = (name, fieldPath, attrs = {}) => el('input', { name, id: name, 'data-field': fieldPath, ...attrs });
  return [
    el('div', { class: 'fields' },
      field(t('offerNameLabel'), input('name', 'name', { required: true, minlength: 2, value: offer?.name ?? '' })),
      field(t('street'), input('street', 'address.street', { required: true, autocomplete: 'street-address', value: offer?.address.street ?? '' })),
      field(t('postalCode'), input('postalCode', 'address.postalCode', { required: true, inputmode: 'numeric', autocomplete: 'postal-code', value: offer?.address.postalCode ?? '' }), t('postalCodeHint')),
      field(t('city'), input('city', 'address.city', { required: true, autocomplete: 'address-level2', value: offer?.address.city ?? '' })),
      field(t('latitude'), input('lat', 'location.lat', { required: true, inputmode: 'decimal', value: offer ? String(offer.location.lat).replace('.', lang() === 'da' ? ',' : '.') : '' }), t('latitudeHint')),
      field(t('longitude'), input('lon', 'location.lon', { required: true, inputmode: 'decimal', value: offer ? String(offer.location.lon).replace('.', lang() === 'da' ? ',' : '.') : '' }), t('longitudeHint')),
      field(t('specialisation'), select('specialisationLevel', ref.specialisationLevels?.map((l) => [l, t('specialisationLevels')[l]]) ?? Object.entries(t('specialisationLevels')), offer?.specialisationLevel ?? 'specialised')),
      field(t('budgetedOccupancy'), input('budgetedOccupancyPct', 'budgetedOccupancyPct', { required: true, type: 'number', min: 0, max: 100, step: '0.01', value: offer?.budgetedOccupancyPct ?? 95 })),
      el('div', { class: 'check' }, el('input', { type: 'checkbox', name: 'frameworkAgreement', id: 'frameworkAgreement', 'data-field': 'frameworkAgreement', checked: offer?.frameworkAgreement ?? false }),
        el('label', { for: 'frameworkAgreement' }, t('frameworkAgreement')))),
    el('fieldset', { 'data-field': 'targetGroups', id: 'targetGroups-set' }, el('legend', {}, t('targetGroupsLegend')), ...ref.targetGroups.map((g) => el('div', { class: 'check' },
      el('input', { type: 'checkbox', name: 'targetGroups', id: `tg-${g.id}`, value: g.id, checked: offer?.targetGroups.includes(g.id) ?? false }),
      el('label', { for: `tg-${g.id}` }, g[lang()])))),
  ];
}

function readCommon(form) {
  const targetGroups = [...form.querySelectorAll('input[name="targetGroups"]:checked')].map((c) => c.value);
  return {
    name: form.name.value.trim(),
    address: { street: form.street.value.trim(), postalCode: form.postalCode.value.trim(), city: form.city.value.trim() },
    location: { lat: decimal(form.lat.value), lon: decimal(form.lon.value) },
    targetGroups, specialisationLevel: form.specialisationLevel.value,
    frameworkAgreement: form.frameworkAgreement.checked, budgetedOccupancyPct: Number(form.budgetedOccupancyPct.value),
  };
}

async function newOfferPage() {
  const ref = reference();
  const operator = ownOperator();
  const out = el('div', { 'aria-live': 'polite', id: 'feedback' });
  const form = el('form', { class: 'panel', id: 'offer-form', novalidate: true, onsubmit: async (e) => {
    e.preventDefault();
    // A single service (enkeltydelse) sells units, not places: its paragraphs carry 0 places.
    const sellsUnits = form.offerType.value === 'units';
    const paragraphs = [];
    for (let i = 0; i < PARAGRAPH_ROWS; i++) {
      if (form[`paragraph${i}`].value) paragraphs.push({ paragraph: form[`paragraph${i}`].value, approvedPlaces: sellsUnits ? 0 : Number(form[`places${i}`].value) });
    }
    const travelRegions = [...form.querySelectorAll('input[name="travelRegions"]:checked')].map((c) => c.value);
    const units = sellsUnits ? {
      kind: form.serviceKind.value, per: form.unitsPer.value, unitsPerPeriod: Number(form.unitsPerPeriod.value),
      ...(form.serviceKind.value === 'team-visit' ? { travelRegions } : {}),
    } : undefined;
    try {
      const created = await api('/offers/offers', { method: 'POST', body: {
        ...readCommon(form), operator: { ...operator, name: form.operatorName.value.trim() }, municipalityCode: form.municipalityCode.value, paragraphs, units,
      } });
      location.hash = `#/offer/${created.offerId}`;
    } catch (error) {
      showViolations(form, error);
      out.replaceChildren(message(error.message, 'error'));
    }
  } },
  el('div', { class: 'fields' },
    field(t('operator'), el('input', { name: 'operatorName', id: 'operatorName', 'data-field': 'operator', required: true, value: operator.name })),
    field(t('municipality'), select('municipalityCode', ref.municipalities.map((m) => [m.code, m.name]), operator.kind === 'municipality' ? operator.id : ref.municipalities[0].code))),
  ...offerFields(null),
  el('fieldset', { 'data-field': 'units', id: 'units-set' }, el('legend', {}, t('offerType')),
    el('div', { class: 'fields' },
      field(t('offerType'), select('offerType', Object.entries(t('offerTypes')), 'places')),
      field(t('serviceKind'), select('serviceKind', Object.entries(t('serviceKinds')), 'sessions')),
      field(t('unitsPer'), select('unitsPer', Object.entries(t('unitPeriods')), 'month')),
      field(t('unitsPerPeriod'), el('input', { name: 'unitsPerPeriod', id: 'unitsPerPeriod', 'data-field': 'units.unitsPerPeriod', type: 'number', min: 1, max: 100000, value: 20 }))),
    el('fieldset', { 'data-field': 'units.travelRegions', id: 'travel-regions-set' }, el('legend', {}, t('travelRegions')), ...ref.regions.map((r) => el('div', { class: 'check' },
      el('input', { type: 'checkbox', name: 'travelRegions', id: `travel-${r.code}`, value: r.code }), el('label', { for: `travel-${r.code}` }, r.name))))),
  el('fieldset', { 'data-field': 'paragraphs', id: 'paragraphs-set' }, el('legend', {}, t('paragraphsLegend')),
    ...Array.from({ length: PARAGRAPH_ROWS }, (_, i) => el('div', { class: 'fields' },
      field(`${t('paragraph')} ${i + 1}`, select(`paragraph${i}`, [['', t('none')], ...ref.paragraphs.map((p) => [p, paragraphLabel(p)])], i === 0 ? '108' : '')),
      field(`${t('approvedPlaces')} ${i + 1}`, el('input', { name: `places${i}`, id: `places${i}`, 'data-field': `paragraphs.${i}.approvedPlaces`, type: 'number', min: 0, max: 10000, value: i === 0 ? 10 : '' }))))),
  el('div', { class: 'actions' }, el('button', { class: 'primary', type: 'submit' }, t('registerOffer'))));
  // The first paragraph row's select carries the array's field name for refusals about the list itself.
  form.paragraph0.setAttribute('data-field', 'paragraphs.0.paragraph');
  // The unit fields matter for a single service only; places for an offer with places only.
  const showType = () => {
    const sellsUnits = form.offerType.value === 'units';
    for (const name of ['serviceKind', 'unitsPer', 'unitsPerPeriod']) form[name].closest('.field').hidden = !sellsUnits;
    form.querySelector('#travel-regions-set').hidden = !sellsUnits || form.serviceKind.value !== 'team-visit';
    for (let i = 0; i < PARAGRAPH_ROWS; i++) form[`places${i}`].closest('.field').hidden = sellsUnits;
  };
  form.offerType.addEventListener('change', showType);
  form.serviceKind.addEventListener('change', showType);
  showType();
  return [el('h1', {}, t('newOffer')), out, form];
}

async function editOfferPage({ params }) {
  const offer = await api(`/offers/offers/${params[0]}`).catch(() => null); // fresh: it may just have been edited
  if (!offer) return [el('h1', {}, t('unknownOffer'))];
  const out = el('div', { 'aria-live': 'polite', id: 'feedback' });
  const form = el('form', { class: 'panel', id: 'offer-form', novalidate: true, onsubmit: async (e) => {
    e.preventDefault();
    try {
      // Socialtilsynet's decision: sent when one is chosen (with its date).
      const supervision = form.supervisionStatus.value ? { status: form.supervisionStatus.value, decidedOn: form.supervisionDecidedOn.value } : undefined;
      await api(`/offers/offers/${offer.offerId}`, { method: 'PATCH', body: { ...readCommon(form), status: form.admissions?.value, supervision } });
      out.replaceChildren(message(t('saved'), 'success'));
      for (const node of form.querySelectorAll('[aria-invalid]')) node.removeAttribute('aria-invalid');
      for (const node of form.querySelectorAll('.field-error')) node.remove();
    } catch (error) {
      showViolations(form, error);
      out.replaceChildren(message(error.message, 'error'));
    }
  } },
  ...offerFields(offer),
  // Open or closed to admissions; an offer that is closing or being adjusted keeps its status.
  ['active', 'closed-to-admissions'].includes(offer.status)
    ? el('div', { class: 'fields' }, field(t('admissions'), select('admissions', [['active', statusName('active')], ['closed-to-admissions', statusName('closed-to-admissions')]], offer.status)))
    : el('p', {}, `${t('status')}: ${statusName(offer.status)}`),
  el('fieldset', { 'data-field': 'supervision' }, el('legend', {}, t('supervision')),
    el('div', { class: 'fields' },
      field(t('supervisionStatus'), select('supervisionStatus', [['', t('notRecorded')], ...Object.entries(t('supervisionStatuses'))], offer.supervision?.status ?? '')),
      field(t('decidedOn'), el('input', { name: 'supervisionDecidedOn', id: 'supervisionDecidedOn', 'data-field': 'supervision.decidedOn', type: 'date', value: offer.supervision?.decidedOn ?? '' })))),
  el('div', { class: 'actions' }, el('button', { class: 'primary', type: 'submit' }, t('save'))));
  return [el('h1', {}, `${t('editOffer')}: ${offer.name}`), out, form];
}

export const offerFormPages = { 'new-offer': newOfferPage, 'edit-offer': editOfferPage };
