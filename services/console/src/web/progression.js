// Progression og effekt: the officer sets goals on a running placement (placement page), the offer
// manager measures them on the goal attainment scale (Progression), and every role reads an offer's
// effect as aggregates (offer page); nothing resting on fewer than 5 placements is shown.
import { lang, t } from './app.js';
import { ownOffers } from './manager.js';
import { formatDate } from './formats.js';
import { api, el, field, flashAfterReload, message, select, showFlash } from './ui.js';

const AREAS = ['self-care', 'practical-tasks', 'mobility', 'communication', 'community-life', 'social-life', 'health'];
const LEVELS = [-2, -1, 0, 1, 2];
const percent = (share) => share.toLocaleString(lang() === 'da' ? 'da-DK' : 'en-GB', { style: 'percent', maximumFractionDigits: 1 });
const levelText = (level) => t('gasLevels')[String(level)];
const measurementsText = (g) => (g.measurements.length ? g.measurements.map((m) => `${levelText(m.level)} (${formatDate(m.measuredOn, lang())})`).join('; ') : t('notMeasured'));

function goalsTable(goals, caption, withStart = false) {
  return el('table', { id: 'goals' }, el('caption', {}, caption),
    el('thead', {}, el('tr', {}, ...[...(withStart ? [t('startDate')] : []), t('area'), t('goal'), t('targetDate'), t('measurementsWord')].map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, ...goals.map((g) => el('tr', { 'data-goal': g.goalId },
      ...(withStart ? [el('td', {}, formatDate(g.startDate, lang()))] : []),
      el('td', {}, t('areas')[g.area] ?? g.area), el('td', {}, g.description), el('td', {}, formatDate(g.targetDate, lang())), el('td', { class: 'levels' }, measurementsText(g))))));
}

/** The placement page's goals (the acting municipality): the goals so far and a new one, for a running placement. */
export async function goalsSection(placementId, status, purpose) {
  const section = el('section', { id: 'progression', 'aria-labelledby': 'progression-heading' });
  const out = el('div', { 'aria-live': 'polite' });
  const load = async () => {
    const { items } = await api(`/visitation/placements/${placementId}/goals`, { purpose });
    const form = ['started', 'notice-given'].includes(status) ? el('form', { class: 'panel', id: 'goal-form', onsubmit: async (e) => {
      e.preventDefault();
      try {
        await api(`/visitation/placements/${placementId}/goals`, { method: 'POST', purpose, body: { area: form.area.value, description: form.description.value.trim(), targetDate: form.targetDate.value } });
        await load();
        out.replaceChildren(message(t('goalSaved'), 'success'));
      } catch (error) {
        out.replaceChildren(message(error.message, 'error'));
      }
    } },
    el('h3', {}, t('newGoal')),
    el('div', { class: 'fields' },
      field(t('area'), select('area', AREAS.map((a) => [a, t('areas')[a]]))),
      field(t('goalDescription'), el('input', { name: 'description', id: 'goal-description', required: true, minlength: 5, maxlength: 500, autocomplete: 'off' }), t('goalDescriptionHint')),
      field(t('targetDate'), el('input', { name: 'targetDate', id: 'goal-target', type: 'date', required: true }))),
    el('div', { class: 'actions' }, el('button', { class: 'secondary', type: 'submit' }, t('newGoal')))) : '';
    section.replaceChildren(el('h2', { id: 'progression-heading' }, t('progression')), el('p', {}, t('progressionIntro')),
      items.length ? goalsTable(items, t('goals')) : el('p', {}, t('noGoals')), out, form);
  };
  try {
    await load();
  } catch (error) {
    section.replaceChildren(el('h2', { id: 'progression-heading' }, t('progression')), message(error.message, 'error'));
  }
  return section;
}

/** The offer manager's page: the goals of its offer's placements, and a measurement of one. */
async function progressionPage({ query }) {
  const offers = await ownOffers();
  const heading = el('h1', {}, t('progression'));
  const selected = offers.find((o) => o.offerId === query.get('offer')) ?? offers[0];
  if (!selected) return [heading, el('p', {}, t('none'))];
  const picker = el('form', { class: 'panel', onsubmit: (e) => { e.preventDefault(); location.hash = `#/progression?offer=${picker.offer.value}`; } },
    field(t('offer'), select('offer', offers.map((o) => [o.offerId, o.name]), selected.offerId)),
    el('div', { class: 'actions' }, el('button', { class: 'secondary', type: 'submit' }, t('show'))));
  const { items } = await api(`/visitation/offers/${selected.offerId}/goals`);
  const out = el('div', { 'aria-live': 'polite' });
  showFlash(out);
  const parts = [heading, el('p', {}, t('progressionIntro')), picker, out];
  if (!items.length) return [...parts, el('p', {}, t('noGoals'))];
  const today = new Date().toISOString().slice(0, 10);
  const form = el('form', { class: 'panel', id: 'measure-form', onsubmit: async (e) => {
    e.preventDefault();
    try {
      await api(`/visitation/goals/${form.goal.value}/measurements`, { method: 'POST', body: { level: Number(form.level.value), measuredOn: form.measuredOn.value } });
      flashAfterReload(t('measurementSaved'));
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    } catch (error) {
      out.replaceChildren(message(error.message, 'error'));
    }
  } },
  el('h2', {}, t('recordMeasurement')),
  el('div', { class: 'fields' },
    field(t('goal'), select('goal', items.map((g) => [g.goalId, `${t('placedFrom')} ${formatDate(g.startDate, lang())} · ${t('areas')[g.area]} · ${g.description}`]))),
    field(t('level'), select('level', LEVELS.map((l) => [String(l), levelText(l)]), '0')),
    field(t('measuredOn'), el('input', { name: 'measuredOn', id: 'measuredOn', type: 'date', max: today, value: today, required: true }))),
  el('div', { class: 'actions' }, el('button', { class: 'primary', type: 'submit' }, t('recordMeasurement'))));
  return [...parts, goalsTable(items, `${t('goals')}: ${selected.name}`, true), form];
}

/** The offer page's effect: aggregates only, or in words why none is shown. */
export async function effectSection(offerId) {
  const effect = await api(`/visitation/offers/${offerId}/effect`).catch(() => null);
  const heading = el('h2', {}, t('effect'));
  if (!effect || !effect.enoughData) return [heading, el('p', { id: 'effect' }, t('effectTooFew'))];
  return [heading,
    el('p', { id: 'effect' }, `${t('goalsMet')}: `, el('strong', {}, percent(effect.goalsMetShare)), ` (${effect.goalsMeasured} ${t('goals').toLowerCase()}, ${effect.placements} ${t('placements').toLowerCase()})`),
    el('table', { id: 'effect-areas' }, el('caption', {}, t('progressionPerYear')),
      el('thead', {}, el('tr', {}, ...[t('area'), t('placements'), t('progressionPerYear')].map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, ...effect.areas.map((a) => el('tr', {}, el('th', { scope: 'row' }, t('areas')[a.area] ?? a.area),
        ...(a.suppressed ? [el('td', { colspan: 2 }, t('suppressedCell'))]
          : [el('td', { class: 'num' }, String(a.placements)), el('td', { class: 'num' }, a.progressionPerYear.toLocaleString(lang() === 'da' ? 'da-DK' : 'en-GB', { signDisplay: 'exceptZero' }))])))))];
}

export const progressionPages = { progression: progressionPage };
