// Kapacitets- og behovsopgørelse: each municipality's officers report the demand they expect next
// year (Behovsopgørelse); the region's secretariat sets supply, reported and forecast need side by
// side, writes the yearly report's own words, opens it to print and publishes it (Kapacitet og behov).
import { groupName, lang, me, paragraphLabel, reference, t } from './app.js';
import { api, el, field, flashAfterReload, message, select, showFlash } from './ui.js';

const ROWS = 6;
const nextYear = () => new Date().getFullYear() + 1;
const yearOf = (query) => (/^20\d{2}$/.test(query.get('year') ?? '') ? Number(query.get('year')) : nextYear());
const number = (n) => Number(n).toLocaleString(lang() === 'da' ? 'da-DK' : 'en-GB', { maximumFractionDigits: 1 });

function yearPicker(route, year) {
  const years = [nextYear() - 1, nextYear(), nextYear() + 1];
  const form = el('form', { class: 'panel', onsubmit: (e) => { e.preventDefault(); location.hash = `#/${route}?year=${form.year.value}`; } },
    field(t('year'), select('year', years.map((y) => [String(y), String(y)]), String(year))),
    el('div', { class: 'actions' }, el('button', { class: 'secondary', type: 'submit' }, t('show'))));
  return form;
}

async function demandPage({ query }) {
  const ref = reference();
  const municipality = me().municipality;
  const year = yearOf(query);
  const { items } = await api(`/notifications/need/municipalities/${municipality}/demand/${year}`);
  const out = el('div', { 'aria-live': 'polite' });
  showFlash(out);
  const row = (i, line) => el('div', { class: 'fields', 'data-row': i },
    field(`${t('targetGroup')} ${i + 1}`, select(`targetGroup${i}`, [['', t('none')], ...ref.targetGroups.map((g) => [g.id, g[lang()]])], line?.targetGroup ?? '')),
    field(`${t('paragraph')} ${i + 1}`, select(`paragraph${i}`, ref.paragraphs.map((p) => [p, paragraphLabel(p)]), line?.paragraph ?? '108')),
    field(`${t('expectedChange')} ${i + 1}`, select(`change${i}`, Object.entries(t('demandChanges')), line?.change ?? 'same')),
    field(`${t('expectedPlaces')} ${i + 1}`, el('input', { name: `places${i}`, id: `places${i}`, type: 'number', min: 0, max: 10000, value: line?.places ?? '' })));
  const form = el('form', { class: 'panel', id: 'demand-form', onsubmit: async (e) => {
    e.preventDefault();
    const lines = [];
    for (let i = 0; i < ROWS; i++) {
      if (!form[`targetGroup${i}`].value) continue;
      lines.push({ targetGroup: form[`targetGroup${i}`].value, paragraph: form[`paragraph${i}`].value, change: form[`change${i}`].value, places: Number(form[`places${i}`].value || 0) });
    }
    try {
      await api(`/notifications/need/municipalities/${municipality}/demand/${year}`, { method: 'PUT', body: { items: lines } });
      flashAfterReload(t('demandSaved'));
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    } catch (error) {
      out.replaceChildren(message(error.message, 'error'));
    }
  } },
  el('h2', {}, `${t('expectedDemand')} ${year}`),
  ...Array.from({ length: ROWS }, (_, i) => row(i, items[i])),
  el('div', { class: 'actions' }, el('button', { class: 'primary', type: 'submit' }, t('save'))));
  return [el('h1', {}, t('demandReport')), el('p', {}, t('demandIntro')), yearPicker('demand', year), out, form];
}

async function needPage({ query }) {
  const region = me().region;
  const year = yearOf(query);
  const { items } = await api(`/notifications/need/regions/${region}/${year}`);
  const out = el('div', { 'aria-live': 'polite' });
  showFlash(out);
  const table = el('table', { id: 'need-table' }, el('caption', {}, `${t('needAndCapacity')} ${year}`),
    el('thead', {}, el('tr', {}, ...[t('targetGroup'), t('placesAfterClosures'), t('reportedNeed'), t('forecastNeed'), t('inflowPerMonth'), t('meanStay'), t('gap')].map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, ...items.map((r) => el('tr', { 'data-target-group': r.targetGroup },
      el('th', { scope: 'row' }, groupName(r.targetGroup)), el('td', { class: 'num' }, number(r.forecast.placesAvailable)),
      el('td', { class: 'num' }, r.reported === null ? '–' : number(r.reported)), el('td', { class: 'num' }, number(r.forecast.placesNeeded)),
      el('td', { class: 'num' }, number(r.forecast.monthlyInflow)), el('td', { class: 'num' }, `${number(r.forecast.meanStayMonths)}${r.forecast.stayBasis === 'current' ? '*' : ''}`),
      el('td', { class: 'num' }, r.forecast.gap > 0 ? el('strong', {}, `+${number(r.forecast.gap)} (${t('shortfall')})`) : number(r.forecast.gap))))));
  const text = el('form', { class: 'panel', id: 'report-form', onsubmit: async (e) => {
    e.preventDefault();
    try {
      await api(`/notifications/need/regions/${region}/${year}/report`, { method: 'PUT', body: { introduction: text.introduction.value, conclusions: text.conclusions.value } });
      out.replaceChildren(message(t('reportSaved'), 'success'));
    } catch (error) {
      out.replaceChildren(message(error.message, 'error'));
    }
  } },
  el('h2', {}, t('yearlyReport')),
  field(t('introduction'), el('textarea', { name: 'introduction', id: 'introduction', rows: 4, maxlength: 20000 })),
  field(t('conclusions'), el('textarea', { name: 'conclusions', id: 'conclusions', rows: 4, maxlength: 20000 })),
  el('div', { class: 'actions' },
    el('button', { class: 'primary', type: 'submit' }, t('saveDraft')),
    el('button', { class: 'secondary', type: 'button', id: 'publish-report', onclick: async () => {
      try {
        await api(`/notifications/need/regions/${region}/${year}/report/publish`, { method: 'POST' });
        out.replaceChildren(message(t('reportPublished'), 'success'));
      } catch (error) {
        out.replaceChildren(message(error.message, 'error'));
      }
    } }, t('publishReport'))),
  el('p', {}, el('a', { href: `/api/notifications/need/regions/${region}/${year}/report?draft=true`, target: '_blank', rel: 'noopener', id: 'report-draft-link' }, t('openDraft')), ' · ',
    el('a', { href: `/api/notifications/need/regions/${region}/${year}/report`, target: '_blank', rel: 'noopener', id: 'report-link' }, t('openPublished'))));
  return [el('h1', {}, t('needAndCapacity')), el('p', {}, t('needIntro')), yearPicker('need', year), out,
    items.length ? table : el('p', {}, t('none')), el('p', {}, t('forecastMethod')), text];
}

export const needPages = { demand: demandPage, need: needPage };
