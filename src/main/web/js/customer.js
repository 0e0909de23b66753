import { h, clear, getJson } from './dom.js';
import { openReview } from './results.js';

export async function showCustomer(page, id) {
  clear(page).append(h('p', {}, 'Loading…'));
  try {
    const p = await getJson(`/api/customers/${encodeURIComponent(id)}`);
    const attrs = Object.entries(p.attributes || {});
    clear(page).append(h('article', { class: 'card profile', 'aria-labelledby': 'profile-title' },
      h('p', {}, h('a', { href: '#/chat' }, '← Back to the assistant')),
      h('h2', { id: 'profile-title', tabindex: '-1' }, `Customer ${p.id}`, p.anonymous ? ' (anonymous reviewer)' : ''),
      attrs.length ? h('dl', { class: 'metrics' }, attrs.map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])) : null,
      h('h3', {}, 'Categories'), h('p', {}, p.categories.map(c => c.label).join(', ') || 'none mapped'),
      h('h3', {}, `Reviews (${p.reviews.length})`),
      h('ul', { class: 'quotes full' }, p.reviews.map(r => h('li', {},
        h('p', { class: 'source' }, `${productName(p, r.product)} · ${r.rating ?? '–'}★ · ${r.date ?? 'no date'}`),
        r.title ? h('h4', {}, r.title) : null,
        h('blockquote', {}, h('p', {}, r.text)),
        h('p', { class: 'source' }, `${r.source} row ${r.sourceRow} · `,
          h('button', { type: 'button', class: 'link', onclick: () => openReview(r.iri) }, 'Open the review')))))));
    page.querySelector('h2').focus();
  } catch (e) {
    clear(page).append(h('p', { role: 'alert' }, `No such customer: ${e.message}`), h('a', { href: '#/chat' }, 'Back'));
  }
}

function productName(profile, iri) {
  return profile.products.find(x => x.iri === iri)?.name ?? 'Product';
}
