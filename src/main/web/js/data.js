import { h, clear, num, count, getJson } from './dom.js';

let timer = null;
/** States a job stays in: nothing more will happen to it unless someone resumes it. */
const FINAL = ['completed', 'failed', 'interrupted', 'resumed'];

export async function showData(page) {
  if (!page.dataset.built) {
    page.dataset.built = '1';
    page.append(h('h2', { class: 'page-title' }, 'Data'), upload(), h('section', { id: 'imports', 'aria-labelledby': 'imports-title' },
      h('h3', { id: 'imports-title' }, 'Imports'), h('div', { id: 'import-list' })));
  }
  await refresh();
}

async function refresh() {
  clearTimeout(timer);
  const list = document.getElementById('import-list');
  if (!list || document.getElementById('page-data').hidden) return;
  try {
    const jobs = await getJson('/api/imports');
    clear(list).append(jobs.length ? h('ul', { class: 'jobs' }, jobs.map(job)) : h('p', {}, 'Nothing imported yet.'));
    if (jobs.some(j => !FINAL.includes(j.state))) timer = setTimeout(refresh, 2000);
  } catch (e) {
    clear(list).append(h('p', { role: 'alert' }, `Imports could not be listed: ${e.message}`));
  }
}

function job(j) {
  const id = `job-${j.id}`;
  const running = !FINAL.includes(j.state);
  const stage = j.state === 'embedding' ? ['Embedding reviews', j.reviewsEmbedded, j.reviewsToEmbed]
    : j.state === 'aspects' ? ['Detecting complaints and praise', j.reviewsRead, j.reviewsToRead]
      : ['Reading rows', j.bytesRead, j.totalBytes];
  const s = j.summary;
  return h('li', { class: 'card job', 'aria-labelledby': id },
    h('h4', { id }, j.source, ' ', h('span', { class: `state ${j.state}` }, j.state)),
    running ? h('div', {}, h('label', { for: `${id}-bar` }, `${stage[0]}${stage[2] ? `: ${num(stage[1])} of ${num(stage[2])}` : ''}`),
      h('progress', { id: `${id}-bar`, max: stage[2] || 1, value: stage[2] ? stage[1] : null })) : null,
    j.error ? h('p', { role: 'alert' }, j.error) : null,
    j.state === 'interrupted' ? h('p', {}, 'A stop cut this import short; the rows it had committed are kept. ',
      h('button', { type: 'button', onclick: e => resume(j, e.target) }, 'Resume import')) : null,
    s ? h('p', {}, `${count(s.read, 'row')} read: ${num(s.imported)} imported, ${num(s.updated)} updated, ${num(s.unchanged)} unchanged, `
      + `${num(s.skipped.length)} skipped; ${count(s.customers, 'customer')}, ${count(s.products, 'product')}.`) : null,
    s?.skipped?.length ? details(`Skipped rows (${s.skipped.length})`, table(['Row', 'Reason'], s.skipped.map(r => [r.row, r.reason]))) : null,
    s?.unmappedCategories?.length ? details(`Categories that matched nothing (${s.unmappedCategories.length})`,
      table(['Category value', 'Reviews'], s.unmappedCategories.map(c => [c.label, num(c.reviews)]))) : null,
    s?.similarityMapped?.length ? details(`Categories mapped by similar meaning, to check (${s.similarityMapped.length})`,
      table(['Category value', 'Mapped to', 'Closest name', 'Similarity', 'Reviews'],
        s.similarityMapped.map(m => [m.label, m.conceptLabel, m.nearestName, m.score.toFixed(2), num(m.reviews)]))) : null);
}

async function resume(j, button) {
  button.disabled = true;
  try {
    await getJson(`/api/imports/${encodeURIComponent(j.id)}/resume`, { method: 'POST' });
  } catch (e) {
    button.after(h('span', { role: 'alert' }, ` Could not resume: ${e.message}`));
  }
  await refresh();
}

function details(title, body) {
  return h('details', {}, h('summary', {}, title), body);
}

function table(headers, rows) {
  return h('table', {}, h('thead', {}, h('tr', {}, headers.map(t => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, rows.map(r => h('tr', {}, r.map(c => h('td', {}, String(c)))))));
}

function upload() {
  const preview = h('div', { id: 'preview', 'aria-live': 'polite' });
  const form = h('form', { class: 'card upload', 'aria-labelledby': 'upload-title' },
    h('h3', { id: 'upload-title' }, 'Import a file'),
    h('p', {}, 'CSV, TSV or JSON Lines with one review per row. Columns are recognised by name; a mapping file (JSON) can name them.'),
    h('label', { for: 'file' }, 'Reviews file'), h('input', { id: 'file', name: 'file', type: 'file', required: true, accept: '.csv,.tsv,.jsonl,.json,.txt' }),
    h('label', { for: 'mapping' }, 'Mapping file (optional)'), h('input', { id: 'mapping', name: 'mapping', type: 'file', accept: '.json' }),
    h('div', { class: 'buttons' },
      h('button', { type: 'button', id: 'preview-button', onclick: () => send(form, '/api/imports/preview', preview) }, 'Preview columns'),
      h('button', { type: 'submit' }, 'Import')),
    preview);
  form.addEventListener('submit', e => {
    e.preventDefault();
    send(form, '/api/imports', preview);
  });
  return form;
}

async function send(form, url, out) {
  const data = new FormData();
  const file = form.querySelector('#file').files[0];
  if (!file) {
    clear(out).append(h('p', { role: 'alert' }, 'Choose a file first.'));
    return;
  }
  data.append('file', file);
  const mapping = form.querySelector('#mapping').files[0];
  if (mapping) data.append('mapping', mapping);
  try {
    const r = await getJson(url, { method: 'POST', body: data });
    if (url.endsWith('preview')) clear(out).append(previewTable(r));
    else {
      clear(out).append(h('p', {}, `Import of ${r.source} started.`));
      refresh();
    }
  } catch (e) {
    clear(out).append(h('p', { role: 'alert' }, e.message));
  }
}

function previewTable(p) {
  const used = Object.entries(p.mapping || {});
  return h('div', {},
    h('h4', {}, 'How the columns will be read'),
    table(['Field', 'Column'], used.map(([field, column]) => [field, Array.isArray(column) ? column.join(', ') : column])),
    p.ignoredColumns?.length ? h('p', {}, `Left out: ${p.ignoredColumns.join(', ')}`) : null,
    p.samples?.length ? [h('h4', {}, p.samples.length === 1 ? 'First row' : `First ${p.samples.length} rows`),
      table(p.headers, p.samples.map(s => p.headers.map(c => s[c] ?? '')))] : null);
}
