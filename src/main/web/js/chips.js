import { h } from './dom.js';

// The interpretation as chips. Removing a chip, or changing polarity or the number of segments, sends the edited
// reading back to be run again: the marketer corrects the reading itself, not the wording of the question.
export function chips(reading, rerun) {
  const c = reading.criteria || {};
  const edited = change => () => rerun(change(structuredClone(reading)));
  const runnable = reading.intent === 'audience' || reading.intent === 'segment';
  const list = h('ul', { class: 'chips', 'aria-label': 'How the question was read' });
  const chip = (kind, label, remove) => list.append(h('li', { class: `chip ${kind}` },
    h('span', {}, label),
    runnable && remove ? h('button', { type: 'button', class: 'chip-x', 'aria-label': `Remove ${label}`, onclick: edited(remove) }, '×') : null));

  chip('intent', reading.intent);
  for (const cat of c.categories || []) {
    chip('category', cat.label, r => { r.criteria.categories = r.criteria.categories.filter(x => x.iri !== cat.iri); return r; });
  }
  for (const asp of c.aspects || []) {
    chip('aspect', asp.label, r => { r.criteria.aspects = r.criteria.aspects.filter(x => x.iri !== asp.iri); return r; });
  }
  if (c.text) chip('text', `about “${c.text}”`, r => { delete r.criteria.text; return r; });
  if (c.minRating != null || c.maxRating != null) {
    chip('stars', `${c.minRating ?? 1}–${c.maxRating ?? 5} stars`, r => { delete r.criteria.minRating; delete r.criteria.maxRating; return r; });
  }
  if (c.from || c.to) chip('dates', `${c.from ?? '…'} to ${c.to ?? '…'}`, r => { delete r.criteria.from; delete r.criteria.to; return r; });
  if (reading.customer) chip('customer', `customer ${reading.customer}`);
  if (reading.format) chip('format', reading.format);

  if (runnable && ((c.aspects || []).length || c.polarity)) {
    list.append(h('li', { class: 'chip select' }, select('Polarity', c.polarity || 'any',
      [['negative', 'complaints'], ['positive', 'praise'], ['any', 'any mention']],
      v => edited(r => { r.criteria.polarity = v; return r; })())));
  }
  if (reading.intent === 'segment') {
    list.append(h('li', { class: 'chip select' }, select('Segments', String(reading.k ?? 'auto'),
      [['auto', 'chosen from data'], ...[2, 3, 4, 5, 6, 7, 8].map(k => [String(k), String(k)])],
      v => edited(r => { r.k = v === 'auto' ? null : Number(v); return r; })())));
  }
  return list;
}

function select(label, value, options, onchange) {
  const id = `sel-${Math.random().toString(36).slice(2, 9)}`;
  const s = h('select', { id, onchange: e => onchange(e.target.value) },
    options.map(([v, text]) => h('option', { value: v, selected: v === value }, text)));
  return [h('label', { for: id, text: label }), s];
}
