import { h, clear, num, count, noun, pct, times, getJson } from './dom.js';
import { segmentMap, bars } from './charts.js';

const pane = () => document.getElementById('results');

export function showResults(reply) {
  const a = reply.answer;
  const out = clear(pane());
  if (a.segmentation) out.append(segmentation(a.segmentation, reply.adLists));
  if (a.audience) out.append(audience(a.audience, reply.summary, a.interpretation, reply.adLists));
  if (a.comparison) out.append(comparison(a.comparison));
  if (a.customer) out.append(customer(a.customer, a.membership));
  if (a.segmentations) out.append(saved(a.segmentations));
  if (a.export) out.append(h('section', { class: 'card' }, h('h2', {}, 'Export written'),
    h('p', {}, `${count(a.export.rows, 'row')} as ${a.export.format.toUpperCase()} in `, h('code', {}, a.export.file))));
  if (!out.children.length) out.append(h('p', { class: 'empty' }, 'Nothing to show for this answer.'));
  for (const chart of out.querySelectorAll("[data-chart]")) chart.draw?.();
}

function audience(a, summary, reading, adLists) {
  const m = a.audience;
  const card = h('section', { class: 'card audience', 'aria-labelledby': 'aud-title' },
    h('h2', { id: 'aud-title' }, 'Audience'),
    h('p', { class: 'big' }, h('strong', {}, num(m.customers)), ` ${noun(m.customers, 'customer')} · `, h('strong', {}, num(m.reviews)),
      ` matching ${noun(m.reviews, 'review')}`),
    reading ? h('nav', { class: 'exports', 'aria-label': 'Export this audience' },
      h('a', { class: 'button', href: audienceExport(reading.criteria, {}), download: '' }, 'Customer list (CSV)'),
      adLists ? h('a', { class: 'button', href: audienceExport(reading.criteria, { ads: 'google' }), download: '' }, 'Google Customer Match') : null,
      adLists ? h('a', { class: 'button', href: audienceExport(reading.criteria, { ads: 'meta' }), download: '' }, 'Meta audience') : null) : null);
  if (summary?.breakdown?.length) {
    card.append(h('h3', {}, 'Where their reviews sit'), breakdown(summary.breakdown));
  }
  if (summary?.quotes?.length) {
    card.append(h('h3', {}, 'What they wrote'), h('ul', { class: 'quotes' }, summary.quotes.map(q => h('li', {},
      quote(q.text, q.reviewId), h('p', { class: 'source' },
        `${q.product ?? 'product'} · ${q.rating ?? '–'}★ · ${q.date ?? 'no date'} · ${q.source} row ${q.sourceRow} · `,
        customerLink(q.customerId))))));
  }
  return card;
}

// The same audience as a download: the reading's criteria as the audience search's parameters.
function audienceExport(c = {}, extra) {
  const p = new URLSearchParams({ format: 'csv', ...extra });
  if (c.categories?.length) p.set('category', c.categories.map(x => x.iri).join(' '));
  if (c.aspects?.length) p.set('aspect', c.aspects.map(x => x.iri).join(' '));
  for (const k of ['polarity', 'text', 'minRating', 'maxRating', 'from', 'to']) if (c[k] != null) p.set(k, c[k]);
  for (const [name, value] of Object.entries(c.attributes || {})) p.append('attribute', `${name}=${value}`);
  return `/api/audience/export?${p}`;
}

function breakdown(slices) {
  const max = Math.max(...slices.map(s => s.reviews));
  return h('ul', { class: 'breakdown' }, slices.map(s => h('li', {},
    h('span', { class: 'label' }, s.label),
    h('span', { class: 'bar', style: `--w:${Math.max(2, Math.round(100 * s.reviews / max))}%`, 'aria-hidden': 'true' }),
    h('span', { class: 'count' }, count(s.reviews, 'review')))));
}

function quote(text, reviewId) {
  return h('blockquote', {}, h('p', {}, text),
    reviewId ? h('button', { type: 'button', class: 'link', onclick: () => openReview(reviewId) }, 'Open the review') : null);
}

export async function openReview(iri) {
  const dialog = document.getElementById('review');
  const body = clear(document.getElementById('review-body'));
  body.append(h('p', {}, 'Loading…'));
  dialog.showModal();
  try {
    const r = await getJson(`/api/reviews?iri=${encodeURIComponent(iri)}`);
    clear(body).append(h('div', {},
      h('p', { class: 'source' }, `${r.product ?? 'Product'} · ${r.rating ?? '–'}★ · ${r.date ?? 'no date'}`),
      r.title ? h('h3', {}, r.title) : null,
      h('blockquote', {}, h('p', {}, r.text)),
      h('p', { class: 'source' }, `From ${r.source}, row ${r.sourceRow}, by `, customerLink(r.customerId))));
  } catch (e) {
    clear(body).append(h('p', { role: 'alert' }, `The review could not be loaded: ${e.message}`));
  }
}

function customerLink(id) {
  return h('a', { href: `#/customer/${encodeURIComponent(id)}`, onclick: () => document.getElementById('review').close() }, `customer ${id}`);
}

function segmentation(s, adLists) {
  const q = s.quality || {};
  const section = h('section', { class: 'segmentation', 'aria-labelledby': 'seg-title' },
    h('h2', { id: 'seg-title' }, `${count(s.segments.length, 'segment')} of ${count(s.customers, 'customer')}`),
    h('p', { class: 'quality' }, q.summary ?? ''),
    h('dl', { class: 'metrics' },
      metric('Silhouette', q.silhouette, '−1 to 1; higher means more distinct segments'),
      metric('Davies–Bouldin', q.daviesBouldin, '0 and up; lower is better'),
      metric('Stability', q.stability, 'adjusted Rand index across re-runs; 1 is identical'),
      metric('Unassigned', q.unassigned, 'customers in no segment', true)),
    h('p', { class: 'reason' }, `${s.algorithm}, k = ${s.k}: ${s.reason}`),
    h('nav', { class: 'exports', 'aria-label': 'Export this segmentation' },
      ['pdf', 'md', 'json', 'csv'].map(f => h('a', { class: 'button', href: `/api/segmentations/${encodeURIComponent(s.id)}/export?format=${f}`,
        download: '' }, f === 'csv' ? 'Members (CSV)' : `Personas (${f.toUpperCase()})`)),
      (adLists ? ['google', 'meta'] : []).map(ads => h('a', { class: 'button', href: `/api/segmentations/${encodeURIComponent(s.id)}/export?format=csv&ads=${ads}`,
        download: '' }, ads === 'google' ? 'Google Customer Match' : 'Meta audience'))));
  if (s.map?.points?.length) {
    const map = h('div', { class: 'chart map', 'data-chart': '', role: 'img',
      'aria-label': `Map of ${count(s.map.points.length, 'customer')} coloured by segment (${s.map.method})` });
    map.draw = () => segmentMap(map, s, id => { location.hash = `#/customer/${encodeURIComponent(id)}`; });
    section.append(h('h3', {}, 'Segment map'), h('p', { class: 'hint' }, 'Hover a point to see the customer; click to open their profile.'), map);
  }
  section.append(h('div', { class: 'cards' }, s.segments.map(seg => segmentCard(seg))));
  return section;
}

function metric(name, value, help, count = false) {
  const shown = value === null || value === undefined ? '–' : count ? num(value) : value.toFixed(2);
  return [h('dt', { title: help }, name), h('dd', {}, shown)];
}

function segmentCard(seg) {
  const p = seg.persona;
  const id = `seg-${seg.number}`;
  const card = h('article', { class: 'card segment', 'aria-labelledby': id },
    h('h3', { id }, h('span', { class: `dot c${(seg.number - 1) % 10}`, 'aria-hidden': 'true' }), `${seg.number}. ${seg.label}`),
    h('p', { class: 'big' }, h('strong', {}, num(seg.size)), ` ${noun(seg.size, 'customer')} · ${pct(seg.share)} of the audience`));
  if (p) {
    card.append(h('div', { class: 'persona' },
      h('p', { class: 'persona-name' }, p.name), h('p', {}, p.who),
      list('Goals', p.goals), list('Frustrations', p.frustrations), list('What to tell them', p.messaging),
      list('Where to reach them', p.channels),
      h('p', { class: 'writer' }, `Written by ${p.writer === 'template' ? 'templates' : p.writer.replace('model:', 'the model ')} from the segment's facts`),
      p.corrections?.length ? h('details', {}, h('summary', {}, `${p.corrections.length} corrections by the grounding check`),
        list(null, p.corrections)) : null));
  }
  const facts = h('details', { class: 'facts' }, h('summary', {}, 'Facts and charts'));
  if (seg.terms?.length) facts.append(h('p', {}, h('strong', {}, 'Distinctive words: '), seg.terms.slice(0, 10).join(', ')));
  const chartFor = (title, items) => {
    if (!items.length) return;
    const el = h('div', { class: 'chart small', 'data-chart': '', role: 'img',
      'aria-label': `${title}: ${items.map(i => `${i.label} ${i.value}${i.unit}`).join('; ')}` });
    el.draw = () => bars(el, items);
    facts.append(h('h4', {}, title), el);
  };
  chartFor('Over-represented categories (share of segment)', (seg.categories || []).slice(0, 6)
    .map(c => ({ label: c.label, value: Math.round(c.share * 100), unit: '%', note: `${times(c.lift)} the audience` })));
  chartFor('Complaints and praise (share of segment)', (seg.aspects || []).slice(0, 6)
    .map(a => ({ label: `${a.label} (${a.polarity === 'negative' ? 'complaint' : 'praise'})`, value: Math.round(a.share * 100), unit: '%',
      note: `${times(a.lift)} the audience`, negative: a.polarity === 'negative' })));
  const dist = seg.ratings?.distribution || {};
  chartFor(`Ratings (mean ${seg.ratings?.mean?.toFixed(1) ?? '–'}★ over ${count(seg.ratings?.reviews, 'review')})`,
    ['1', '2', '3', '4', '5'].map(s => ({ label: `${s}★`, value: dist[s] ?? 0, unit: ` ${noun(dist[s] ?? 0, 'review')}` })));
  facts.addEventListener('toggle', () => facts.querySelectorAll('[data-chart]').forEach(c => c.draw()));
  card.append(facts);
  const quotes = p?.quotes?.length ? p.quotes : seg.quotes || [];
  if (quotes.length) {
    card.append(h('h4', {}, 'In their words'), h('ul', { class: 'quotes' }, quotes.slice(0, 3).map(q => h('li', {},
      quote(q.text, q.reviewId), h('p', { class: 'source' }, `${q.source} row ${q.sourceRow} · `, customerLink(q.customerId))))));
  }
  return card;
}

function list(title, items) {
  if (!items?.length) return null;
  return [title ? h('h4', {}, title) : null, h('ul', {}, items.map(i => h('li', {}, i)))];
}

function comparison(c) {
  const side = (name, s) => h('div', {}, h('h3', {}, name), h('p', { class: 'big' }, h('strong', {}, num(s.customers)), ` ${noun(s.customers, 'customer')}`),
    h('p', {}, [...(s.criteria.categories || []), ...(s.criteria.aspects || [])].map(x => x.label).join(', ') || 'everyone'));
  return h('section', { class: 'card comparison', 'aria-labelledby': 'cmp-title' },
    h('h2', { id: 'cmp-title' }, 'Comparison'),
    h('div', { class: 'sides' }, side('First', c.first), side('Second', c.second)),
    h('p', {}, `${count(c.sharedCustomers, 'customer')} ${c.sharedCustomers === 1 ? 'is' : 'are'} in both.`),
    c.differences?.length ? h('table', {}, h('caption', {}, 'Aspects whose mention rates differ most'),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Aspect'), h('th', { scope: 'col' }, 'First'), h('th', { scope: 'col' }, 'Second'))),
      h('tbody', {}, c.differences.map(d => h('tr', {},
        h('th', { scope: 'row' }, `${d.label} (${d.polarity === 'negative' ? 'complaints' : 'praise'})`),
        h('td', {}, pct(d.firstShare)), h('td', {}, pct(d.secondShare)))))) : null);
}

function customer(p, membership) {
  return h('section', { class: 'card', 'aria-labelledby': 'cust-title' },
    h('h2', { id: 'cust-title' }, `Customer ${p.id}`),
    membership ? h('p', {}, membership.segment ? `In segment ${membership.segment}: ${membership.label}.` : 'Not in a segment.',
      membership.reasons?.length ? h('ul', {}, membership.reasons.map(r => h('li', {}, r))) : null) : null,
    h('p', {}, `${count(p.reviews.length, 'review')} · `, customerLink(p.id)));
}

function saved(list) {
  return h('section', { class: 'card', 'aria-labelledby': 'saved-title' }, h('h2', { id: 'saved-title' }, 'Saved segmentations'),
    h('table', {}, h('thead', {}, h('tr', {}, ['Id', 'Created', 'Customers', 'Segments'].map(t => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, list.map(s => h('tr', {}, h('td', {}, s.id), h('td', {}, new Date(s.createdAt).toLocaleString('en')),
        h('td', {}, num(s.customers)), h('td', {}, s.segments.map(x => `${x.number}. ${x.label}`).join('; ')))))));
}
