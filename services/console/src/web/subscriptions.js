// Notifications settings (for officers, offer managers and secretariats): the organisation's
// e-mail for mandatory notices, subscriptions (for me or my organisation, with filters), and
// webhooks with "send test" and their delivery log.
import { groupName, lang, paragraphLabel, reference, regionName, t } from './app.js';
import { formatMoment } from './formats.js';
import { api, el, field, message, select } from './ui.js';

const KINDS = ['vacancy-opened', 'capacity-changed', 'closure-or-reduction', 'tariff-published', 'early-warning', 'waitlist-match', 'settlement-issued', 'supply-risk'];
const kindName = (k) => t('noticeKinds')[k] ?? k;

async function subscriptionsPage() {
  const ref = reference();
  const feedback = el('div', { 'aria-live': 'polite', id: 'feedback' });
  const act = async (work, done) => {
    try {
      const result = await work();
      await refresh();
      feedback.replaceChildren(message(typeof done === 'function' ? done(result) : done, 'success'));
    } catch (error) {
      feedback.replaceChildren(message(error.message, 'error'));
    }
  };
  const lists = el('div');
  async function refresh() {
    const [contact, subscriptions, webhooks] = await Promise.all([api('/notifications/organisation/contact'), api('/notifications/subscriptions'), api('/notifications/webhooks')]);
    contactForm.email.value = contact.email ?? '';
    const filterText = (f) => [...(f.regions ?? []).map(regionName), ...(f.targetGroups ?? []).map(groupName), ...(f.paragraphs ?? []).map((p) => `§ ${p}`)].join(', ') || t('everything');
    lists.replaceChildren(
      el('h2', {}, t('mySubscriptions')),
      subscriptions.items.length ? el('ul', { class: 'results', id: 'subscriptions' }, ...subscriptions.items.map((s) => el('li', { class: 'result' },
        el('p', {}, el('strong', {}, kindName(s.kind)), ` · ${s.owner.startsWith('user:') ? t('forMe') : t('forOrganisation')} · ${filterText(s.filter)}`, s.email ? ` · ${s.email}` : ''),
        el('button', { type: 'button', class: 'secondary', onclick: () => act(() => api(`/notifications/subscriptions/${s.id}`, { method: 'DELETE' }), t('unsubscribed')) }, `${t('unsubscribe')}: ${kindName(s.kind)}`))))
        : el('p', {}, t('none')),
      el('h2', {}, t('webhooks')),
      webhooks.items.length ? el('ul', { class: 'results', id: 'webhooks' }, ...webhooks.items.map(webhookItem)) : el('p', {}, t('none')));
  }
  function webhookItem(w) {
    const log = el('div');
    const showLog = async () => {
      const { items } = await api(`/notifications/webhooks/${w.id}/deliveries`);
      log.replaceChildren(items.length ? el('div', { class: 'scroll', role: 'region', 'aria-label': `${t('deliveryLog')}: ${w.url}`, tabindex: '0' }, el('table', {},
        el('caption', {}, `${t('deliveryLog')}: ${w.url}`),
        el('thead', {}, el('tr', {}, ...[t('time'), t('noticeKind'), t('status'), t('attempts'), t('answer')].map((h) => el('th', { scope: 'col' }, h)))),
        el('tbody', {}, ...items.map((d) => el('tr', { 'data-delivery-status': d.status }, el('td', {}, formatMoment(d.createdAt, lang())), el('td', {}, kindName(d.kind)), el('td', {}, t('deliveryStatuses')[d.status] ?? d.status),
          el('td', { class: 'number' }, String(d.attempts)), el('td', {}, d.lastStatus ? `HTTP ${d.lastStatus}` : (d.lastError ?? '–')))))))
        : el('p', {}, t('noDeliveries')));
    };
    return el('li', { class: 'result', 'data-webhook': w.id },
      el('p', {}, el('strong', {}, w.url), ` · ${w.kinds.map(kindName).join(', ')} · `, w.enabled ? t('enabled') : el('span', { class: 'badge warn' }, t('disabledAfterFailures'))),
      el('div', { class: 'actions' },
        el('button', { type: 'button', class: 'secondary', 'data-action': 'test', onclick: () => act(() => api(`/notifications/webhooks/${w.id}/test`, { method: 'POST' }), t('testSent')) }, `${t('sendTest')}: ${w.url}`),
        el('button', { type: 'button', class: 'secondary', 'data-action': 'log', onclick: showLog }, `${t('showLog')}: ${w.url}`),
        w.enabled ? '' : el('button', { type: 'button', class: 'secondary', onclick: () => act(() => api(`/notifications/webhooks/${w.id}/enable`, { method: 'POST' }), t('saved')) }, `${t('enable')}: ${w.url}`),
        el('button', { type: 'button', class: 'secondary', onclick: () => act(() => api(`/notifications/webhooks/${w.id}`, { method: 'DELETE' }), t('removed')) }, `${t('remove')}: ${w.url}`)),
      log);
  }
  const contactForm = el('form', { class: 'panel', id: 'contact-form', onsubmit: (e) => { e.preventDefault(); act(() => api('/notifications/organisation/contact', { method: 'PUT', body: { email: contactForm.email.value.trim() } }), t('saved')); } },
    el('h2', {}, t('organisationEmail')),
    el('div', { class: 'fields' }, field(t('email'), el('input', { name: 'email', id: 'contactEmail', type: 'email', autocomplete: 'email', required: true }), t('organisationEmailHint'))),
    el('div', { class: 'actions' }, el('button', { class: 'primary', type: 'submit' }, t('save'))));
  const subscribeForm = el('form', { class: 'panel', id: 'subscribe-form', onsubmit: (e) => {
    e.preventDefault();
    const filter = {};
    if (subscribeForm.region.value) filter.regions = [subscribeForm.region.value];
    if (subscribeForm.targetGroup.value) filter.targetGroups = [subscribeForm.targetGroup.value];
    if (subscribeForm.paragraph.value) filter.paragraphs = [subscribeForm.paragraph.value];
    act(() => api('/notifications/subscriptions', { method: 'POST', body: { kind: subscribeForm.kind.value, scope: subscribeForm.scope.value, filter, email: subscribeForm.subscriptionEmail.value.trim() || undefined } }), t('subscribed'));
  } },
  el('h2', {}, t('newSubscription')),
  el('div', { class: 'fields' },
    field(t('noticeKind'), select('kind', KINDS.map((k) => [k, kindName(k)]), 'closure-or-reduction')),
    field(t('forWhom'), select('scope', [['user', t('forMe')], ['organisation', t('forOrganisation')]], 'user')),
    field(t('region'), select('region', [['', t('any')], ...ref.regions.map((r) => [r.code, r.name])], '')),
    field(t('targetGroup'), select('targetGroup', [['', t('any')], ...ref.targetGroups.map((g) => [g.id, g[lang()]])], '')),
    field(t('paragraph'), select('paragraph', [['', t('any')], ...ref.paragraphs.map((p) => [p, paragraphLabel(p)])], '')),
    field(t('alsoEmail'), el('input', { name: 'subscriptionEmail', id: 'subscriptionEmail', type: 'email', autocomplete: 'email' }))),
  el('div', { class: 'actions' }, el('button', { class: 'primary', type: 'submit' }, t('subscribe'))));
  const webhookForm = el('form', { class: 'panel', id: 'webhook-form', onsubmit: (e) => {
    e.preventDefault();
    const kinds = [...webhookForm.querySelectorAll('input[name="kinds"]:checked')].map((c) => c.value);
    act(() => api('/notifications/webhooks', { method: 'POST', body: { url: webhookForm.url.value.trim(), kinds } }), (created) => `${t('webhookRegistered')} ${created.secret}`);
  } },
  el('h2', {}, t('newWebhook')),
  el('div', { class: 'fields' }, field(t('webhookUrl'), el('input', { name: 'url', id: 'webhookUrl', type: 'url', required: true, autocomplete: 'url' }), t('webhookUrlHint'))),
  el('fieldset', {}, el('legend', {}, t('noticeKinds_')), ...KINDS.map((k) => el('div', { class: 'check' },
    el('input', { type: 'checkbox', name: 'kinds', id: `kind-${k}`, value: k }), el('label', { for: `kind-${k}` }, kindName(k))))),
  el('div', { class: 'actions' }, el('button', { class: 'primary', type: 'submit' }, t('registerWebhook'))));
  await refresh();
  return [el('h1', {}, t('notificationSettings')), feedback, contactForm, lists, subscribeForm, webhookForm];
}

export const subscriptionPages = { subscriptions: subscriptionsPage };
