// Small DOM helpers: elements built with text nodes only (no HTML strings), labelled fields, messages.

/** el('a', { href: '#/' }, 'text', child): attributes, `on…` handlers, children (strings become text). */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), value);
    else if (value === true) node.setAttribute(key, '');
    else node.setAttribute(key, String(value));
  }
  for (const child of children.flat()) if (child !== null && child !== undefined && child !== '') node.append(child instanceof Node ? child : String(child));
  return node;
}

const SVG = 'http://www.w3.org/2000/svg';
/** An SVG element for charts, built like `el`. */
export function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return node;
}

let ids = 0;
/** A label tied to its control, with an optional hint tied by aria-describedby. */
export function field(label, control, hint) {
  control.id ||= `f${++ids}`;
  const hintId = hint ? `${control.id}-hint` : null;
  if (hintId) control.setAttribute('aria-describedby', hintId);
  return el('div', { class: 'field' }, el('label', { for: control.id }, label, hint ? el('span', { class: 'hint', id: hintId }, hint) : ''), control);
}

/** A select with its options: [value, text] pairs. */
export function select(name, options, selected) {
  return el('select', { name, id: name }, ...options.map(([value, text]) => el('option', { value, selected: value === selected }, text)));
}

export function message(text, kind = 'info') {
  return el('div', { class: `message ${kind}`, role: kind === 'error' ? 'alert' : 'status' }, text);
}

/** Said by screen readers without moving focus. */
export function announce(text) {
  const live = document.getElementById('live');
  live.textContent = '';
  setTimeout(() => { live.textContent = text; }, 50);
}

let csrfToken = '';
/** The session's CSRF token (from /api/me): the gateway refuses a change without it. */
export function useCsrfToken(token) {
  csrfToken = token ?? '';
}
export const csrfHeaders = () => ({ 'x-csrf-token': csrfToken });

let errorText = () => undefined;
/** Where refusal codes get their words (errors.js, in the page's language). */
export function useErrorTexts(lookup) {
  errorText = lookup;
}

/** A refusal in the reader's language: the rule's text (or the code's), the fields it concerns; the API's own words only for a code without text. */
function refusalText(data, status) {
  const violations = Array.isArray(data?.violations) ? data.violations : [];
  const text = errorText(violations[0]?.rule) ?? errorText(data?.code);
  if (!text) return Array.isArray(data?.message) ? data.message.join('; ') : (data?.message ?? `${status}`);
  const fields = data?.code === 'validation-failed' ? [...new Set(violations.map((v) => v.field))].join(', ') : '';
  return fields ? `${text}: ${fields}` : text;
}

/** Calls a service through the gateway: `/offers/...`, `/visitation/...`; errors carry the API's message. */
export async function api(path, { method = 'GET', body, purpose } = {}) {
  const headers = { accept: 'application/json', ...(method === 'GET' ? {} : csrfHeaders()) };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (purpose) headers['x-purpose'] = purpose;
  const response = await fetch(`/api${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  const data = text && (response.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : text;
  if (response.status === 401) location.reload();
  if (!response.ok) {
    const error = new Error(refusalText(data, response.status));
    error.code = data?.violations?.[0]?.rule ?? data?.code;
    error.status = response.status;
    error.body = data;
    throw error;
  }
  return data;
}

/** Downloads a file through the gateway, showing progress in `progress`. */
export async function download(path, filename, progress) {
  progress.hidden = false;
  progress.removeAttribute('value');
  try {
    const response = await fetch(`/api${path}`);
    if (!response.ok) throw new Error(`${response.status}`);
    const total = Number(response.headers.get('content-length') ?? 0);
    const reader = response.body.getReader();
    const chunks = [];
    let received = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      received += value.length;
      if (total) { progress.max = total; progress.value = received; }
    }
    const url = URL.createObjectURL(new Blob(chunks, { type: response.headers.get('content-type') ?? 'application/octet-stream' }));
    const link = el('a', { href: url, download: filename });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  } finally {
    progress.hidden = true;
  }
}

/**
 * Every table in `root` that is not inside a scroll region is put in one (labelled by its caption,
 * reachable by keyboard), now and whenever a page adds one: on a narrow screen the table scrolls,
 * not the page (WCAG 1.4.10 Reflow).
 */
export function keepTablesInScrollRegions(root) {
  const wrap = () => {
    for (const table of root.querySelectorAll('table')) {
      if (table.closest('.scroll')) continue;
      const region = el('div', { class: 'scroll', role: 'region', 'aria-label': table.querySelector('caption')?.textContent ?? '', tabindex: '0' });
      table.replaceWith(region);
      region.append(table);
    }
  };
  new MutationObserver(wrap).observe(root, { childList: true, subtree: true });
  wrap();
}

/** A success message to show after the page reloads itself (a saved form re-renders the page). */
export function flashAfterReload(text) {
  sessionStorage.setItem('tn-flash', text);
}

/** Shows, once, the message a page left before it reloaded. */
export function showFlash(out) {
  const text = sessionStorage.getItem('tn-flash');
  sessionStorage.removeItem('tn-flash');
  if (text) out.append(message(text, 'success'));
}

