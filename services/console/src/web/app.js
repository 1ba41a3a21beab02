// The Tilbudsnet console: one page, hash routes, plain DOM (no framework, no build step).
// Every call goes through the console's /api gateway, which adds the signed-in user's token.
import { TEXTS } from './i18n.js';
import { formatAmount } from './formats.js';
import { offerManagerPages } from './manager.js';
import { officerPages } from './officer.js';
import { secretariatPages } from './secretariat.js';
import { auditorPages } from './auditor.js';
import { offerPages } from './offer.js';
import { statementPages } from './statements.js';
import { subscriptionPages } from './subscriptions.js';
import { protectedPages } from './protected.js';
import { offerFormPages } from './offer-form.js';
import { specialMeasurePages } from './special-measures.js';
import { progressionPages } from './progression.js';
import { needPages } from './need.js';
import { steeringPages } from './steering.js';
import { bookingPages } from './bookings.js';
import { ERRORS } from './errors.js';
import { api, csrfHeaders, el, field, message, announce, keepTablesInScrollRegions, useCsrfToken, useErrorTexts } from './ui.js';

const state = { lang: localStorage.getItem('lang') === 'en' ? 'en' : 'da', me: null, reference: null, unread: 0 };
export const t = (key) => TEXTS[state.lang][key] ?? key;
export const lang = () => state.lang;
useErrorTexts((code) => (code ? ERRORS[state.lang]?.[code] : undefined));
export const me = () => state.me;
export const reference = () => state.reference;

/** The target group's name in the chosen language. */
export const groupName = (id) => state.reference?.targetGroups.find((g) => g.id === id)?.[state.lang] ?? id;
export const regionName = (code) => state.reference?.regions.find((r) => r.code === code)?.name ?? code;
/** "§ 108 Længerevarende botilbud": the paragraph with its heading in the page's language. */
export const paragraphLabel = (p) => { const term = state.reference?.paragraphTerms?.find((x) => x.paragraph === p); return term ? `§ ${p} ${term[state.lang]}` : `§ ${p}`; };
export const municipalityName = (code) => state.reference?.municipalities.find((m) => m.code === code)?.name ?? code;
/** An organisation as the APIs name it (`municipality:0101`, `region:1082`, `operator:private:12345678`) in words. */
export function organisationName(id) {
  const [kind, ...rest] = String(id ?? '').split(':');
  if (kind === 'municipality') return `${municipalityName(rest[0])} ${t('municipalityWord')}`;
  if (kind === 'region') return `${t('kkrOf')} ${regionName(rest[0])}`;
  if (kind === 'operator') {
    const [operatorKind, code] = rest;
    const owner = operatorKind === 'municipality' ? `${municipalityName(code)} ${t('municipalityWord')}` : operatorKind === 'region' ? regionName(code) : `${t('privateOperator')} (CVR ${code})`;
    return `${owner}, ${t('asOperator')}`;
  }
  return String(id ?? '');
}
export const statusName = (s) => t('statuses')[s] ?? s;

const offerCache = new Map();
/** An offer as offers holds it (name, operator, capacity), fetched once per page load; null when it cannot be read. */
export function offerOf(id) {
  if (!offerCache.has(id)) offerCache.set(id, api(`/offers/offers/${id}`).catch(() => null));
  return offerCache.get(id);
}

const PAGES = { ...officerPages, ...offerManagerPages, ...secretariatPages, ...auditorPages, ...offerPages, ...statementPages, ...subscriptionPages, ...protectedPages, ...offerFormPages, ...specialMeasurePages, ...progressionPages, ...needPages, ...steeringPages, ...bookingPages, inbox: inboxPage, 'month-close': monthClosePage };
const NAV = {
  'visitation-officer': ['find', 'new-case', 'waitlist', 'worklist', 'demand', 'statements', 'steering', 'inbox', 'subscriptions'],
  'offer-manager': ['my-offers', 'new-offer', 'warn', 'budget', 'special-measures', 'deliveries', 'progression', 'statements', 'inbox', 'subscriptions'],
  'kkr-secretariat': ['supply', 'need', 'steering', 'warnings', 'protected', 'approvals', 'inbox', 'subscriptions'],
  admin: ['month-close'],
  auditor: ['audit'],
};
/** Pages a role reaches by a link rather than the menu. */
const LINKED = { 'visitation-officer': ['placements', 'book', 'bookings'], 'offer-manager': ['edit-offer'] };
const NAV_LABEL = { find: 'find', 'new-case': 'newCase', waitlist: 'waitlist', worklist: 'worklist', inbox: 'inbox', 'my-offers': 'myOffers', warn: 'earlyWarning', budget: 'budget', supply: 'supply', warnings: 'warnings', approvals: 'approvals', 'month-close': 'monthClose', audit: 'auditLog', statements: 'statements', subscriptions: 'subscriptionsNav', protected: 'protectedOffers', 'new-offer': 'newOffer', 'special-measures': 'specialMeasures', progression: 'progressionNav', demand: 'demandNav', need: 'needNav', steering: 'steeringNav', deliveries: 'deliveries' };

function route() {
  const [path, query] = location.hash.replace(/^#\/?/, '').split('?');
  const [name, ...rest] = path.split('/');
  return { name: name || NAV[state.me?.role]?.[0] || '', params: rest, query: new URLSearchParams(query ?? '') };
}

function renderChrome() {
  document.documentElement.lang = state.lang;
  document.getElementById('skip-link').textContent = t('skip');
  document.getElementById('footer-text').textContent = t('footer');
  const language = document.getElementById('language');
  language.textContent = t('otherLanguage');
  language.lang = state.lang === 'da' ? 'en' : 'da';
  const nav = document.getElementById('nav');
  nav.setAttribute('aria-label', t('mainNav'));
  nav.replaceChildren();
  const signOut = document.getElementById('sign-out');
  signOut.textContent = t('signOut');
  signOut.hidden = !state.me;
  document.getElementById('who').textContent = state.me ? `${state.me.name}` : '';
  if (!state.me) return;
  const current = route().name;
  nav.append(el('ul', {}, ...(NAV[state.me.role] ?? []).map((name) => el('li', {},
    el('a', { href: `#/${name}`, 'aria-current': name === current ? 'page' : null },
      t(NAV_LABEL[name]), name === 'inbox' && state.unread ? ` (${state.unread} ${t('unread')})` : '')))));
}

let renders = 0;

async function render() {
  // A page that finishes loading after the user has moved on must not replace the newer page.
  const thisRender = ++renders;
  renderChrome();
  const main = document.getElementById('main');
  if (!state.me) {
    main.replaceChildren(el('h1', {}, t('welcome')), el('p', {}, t('signInIntro')),
      el('p', {}, el('a', { href: `/auth/login?returnTo=${encodeURIComponent(location.hash || '#/')}`, class: 'primary-link', id: 'sign-in' }, t('signIn'))));
    return;
  }
  const { name, params, query } = route();
  // Pages in the role's menu, those it reaches by a link, and the offer page, which every role may read.
  const page = (NAV[state.me.role] ?? []).includes(name) || (LINKED[state.me.role] ?? []).includes(name) || name === 'offer' ? PAGES[name] : null;
  main.replaceChildren(el('p', {}, t('loading')));
  try {
    const content = page ? await page({ params, query }) : [el('h1', {}, `Tilbudsnet`), el('p', {}, state.me.name)];
    if (thisRender !== renders) return;
    main.replaceChildren(...content);
  } catch (error) {
    if (thisRender !== renders) return;
    main.replaceChildren(el('h1', {}, t('error')), message(error.message, 'error'));
  }
  const heading = main.querySelector('h1');
  document.title = `${heading?.textContent ?? ''} · Tilbudsnet`;
  if (heading) { heading.tabIndex = -1; heading.focus(); }
}

async function refreshUnread() {
  if (!state.me || !(NAV[state.me.role] ?? []).includes('inbox')) return;
  const before = state.unread;
  state.unread = (await api('/notifications/inbox?unread=true&limit=1').catch(() => ({ unread: before }))).unread;
  if (state.unread !== before) {
    renderChrome();
    if (state.unread > before) announce(t('newNotice'));
  }
}

/** Shows, in words and not by colour alone, when the page is not live; the browser reconnects by itself. */
function showLive(live) {
  const banner = document.getElementById('live-status');
  const wasDown = !banner.hidden;
  banner.hidden = live;
  if (!live) banner.textContent = t('notLive');
  else if (wasDown) announce(t('liveAgain'));
}

function listen() {
  const source = new EventSource('/api/live');
  // The server says whether its consumer runs; a dropped connection is not live either (EventSource retries).
  source.addEventListener('status', (e) => showLive(JSON.parse(e.data).live === true));
  source.addEventListener('error', () => showLive(false));
  source.addEventListener('open', () => showLive(true));
  source.addEventListener('capacity', (e) => {
    const update = JSON.parse(e.data);
    for (const node of document.querySelectorAll(`[data-vacant-for="${update.offerId}"]`)) {
      node.textContent = String(update.vacantPlaces);
      node.classList.remove('updated');
      void node.offsetWidth; // restart the highlight
      node.classList.add('updated');
      announce(t('liveCapacity')(node.dataset.offerName ?? '', update.vacantPlaces));
    }
    for (const node of document.querySelectorAll(`[data-approved-for="${update.offerId}"]`)) node.textContent = String(update.approvedPlaces);
  });
  const later = () => setTimeout(refreshUnread, 1500);
  source.addEventListener('notice', later);
  source.addEventListener('early-warning', (e) => {
    later();
    if (route().name === 'warnings') document.dispatchEvent(new CustomEvent('warnings-changed', { detail: JSON.parse(e.data) }));
  });
}

async function inboxPage() {
  const inbox = await api('/notifications/inbox?limit=100');
  state.unread = inbox.unread;
  const items = inbox.items.map((item) => el('li', { class: 'result' },
    el('h2', {}, item.title[state.lang], item.readAt ? '' : el('span', { class: 'badge warn' }, ` ${t('unread')}`)),
    el('p', {}, item.body[state.lang]),
    el('p', { class: 'meta' }, new Date(item.createdAt).toLocaleString(state.lang === 'da' ? 'da-DK' : 'en-GB')),
    item.readAt ? '' : el('button', { type: 'button', class: 'secondary', onclick: async () => {
      await api(`/notifications/inbox/${item.id}/read`, { method: 'POST', body: {} });
      await refreshUnread(); // the menu's count drops at once, not at the next poll
      render();
    } }, t('markRead'))));
  return [el('h1', {}, t('inbox')), items.length ? el('ul', { class: 'results' }, ...items) : el('p', {}, t('none'))];
}

async function monthClosePage() {
  const now = new Date();
  const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
  const progress = el('progress', { hidden: true, 'aria-label': t('monthClose') });
  const out = el('div', { 'aria-live': 'polite' });
  const form = el('form', { class: 'panel', onsubmit: async (e) => {
    e.preventDefault();
    progress.hidden = false;
    out.replaceChildren(message(t('loading')));
    try {
      const closed = await api(`/tariffs/settlements/${form.month.value}/close`, { method: 'POST', body: {} });
      out.replaceChildren(message(t('monthClosed')(closed.statements, formatAmount(closed.total, state.lang), closed.heldBack), 'success'));
    } catch (error) {
      out.replaceChildren(message(error.message, 'error'));
    } finally {
      progress.hidden = true;
    }
  } }, field(t('date'), el('input', { name: 'month', id: 'month', value: last, pattern: '\\d{4}-\\d{2}', required: true })), el('div', { class: 'actions' }, el('button', { class: 'primary' }, t('monthClose')), progress));
  return [el('h1', {}, t('monthClose')), form, out];
}

async function start() {
  keepTablesInScrollRegions(document.getElementById('main'));
  document.getElementById('language').addEventListener('click', () => {
    state.lang = state.lang === 'da' ? 'en' : 'da';
    localStorage.setItem('lang', state.lang);
    // What the live region said was said in the other language: it goes with it.
    document.getElementById('live').textContent = '';
    render();
  });
  document.getElementById('sign-out').addEventListener('click', async () => {
    await fetch('/auth/logout', { method: 'POST', headers: csrfHeaders() });
    state.me = null;
    location.hash = '#/';
    render();
  });
  const who = await fetch('/api/me');
  if (who.ok) {
    state.me = await who.json();
    useCsrfToken(state.me.csrfToken);
    state.reference = await api('/offers/reference');
    listen();
    await refreshUnread();
    setInterval(refreshUnread, 20000);
  }
  window.addEventListener('hashchange', render);
  await render();
}

export const rerender = () => render();
start();
