// Small DOM helpers. Text always goes in as text nodes: review text and model words never become markup,
// except the model's Markdown, which is sanitised by DOMPurify before it is inserted.

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k === 'text') el.textContent = v;
    else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

export function clear(el) {
  el.replaceChildren();
  return el;
}

export const num = n => (n ?? 0).toLocaleString('en');
/** The noun in the number n asks for: noun(1, 'customer') is 'customer', noun(2, 'category') 'categories'. */
export const noun = (n, singular) => ((n ?? 0) === 1 ? singular
  : /[^aeiou]y$/.test(singular) ? `${singular.slice(0, -1)}ies` : /(s|x|z|ch|sh)$/.test(singular) ? `${singular}es` : `${singular}s`);
/** A count and its noun, agreeing in number: count(1, 'customer') is '1 customer', count(1204, 'row') '1,204 rows'. */
export const count = (n, singular) => `${num(n)} ${noun(n, singular)}`;
export const pct = share => `${Math.round((share ?? 0) * 100)}%`;
export const times = lift => `${(lift ?? 0).toFixed(1)}×`;

const escapeHtml = s => String(s ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
let parser = null;

// The model's Markdown, where a quoted review may hold tags ("<script>", "<img src=...>"): HTML written in the text
// shows as text, an image as its words (nothing is fetched from elsewhere), and DOMPurify cleans what is left.
function markdownParser() {
  if (!parser && window.marked?.Marked) {
    parser = new window.marked.Marked({ breaks: true, renderer: {
      html: ({ text }) => escapeHtml(text),
      image: ({ text }) => escapeHtml(text),
    } });
  }
  return parser;
}

export function markdown(text) {
  const md = markdownParser();
  const html = md ? md.parse(text ?? '') : null;
  const div = h('div', { class: 'md' });
  if (html && window.DOMPurify) div.innerHTML = window.DOMPurify.sanitize(html, { FORBID_TAGS: ['img', 'style', 'form', 'input'] });
  else div.textContent = text ?? '';
  return div;
}

export async function getJson(url, options) {
  const r = await fetch(url, options);
  const body = await r.json().catch(() => ({}));
  if (!r.ok) throw new Error(body.message || body.error || `${r.status} ${r.statusText}`);
  return body;
}

export function localName(iri) {
  return iri ? iri.substring(Math.max(iri.lastIndexOf('/'), iri.lastIndexOf('#')) + 1) : '';
}
