import { h, clear, markdown, getJson } from './dom.js';
import { showResults } from './results.js';
import { chips } from './chips.js';

// One conversation per browser tab: the id lives in sessionStorage, so a reload or a reconnect resumes it
// and another tab starts its own.
const session = sessionStorage.getItem('segmenta.session') || (() => {
  const id = crypto.randomUUID().replaceAll('-', '').slice(0, 16);
  sessionStorage.setItem('segmenta.session', id);
  return id;
})();

let socket;
let retry = 0;
let streaming = null;   // the answer bubble being written token by token
let busy = false;

const $ = id => document.getElementById(id);

export function startChat() {
  $('ask').addEventListener('submit', e => {
    e.preventDefault();
    ask($('question').value);
  });
  $('question').addEventListener('keydown', e => {
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      $('ask').requestSubmit();
    }
  });
  loadExamples();
  connect();
}

function connect() {
  const proto = location.protocol === 'https:' ? 'wss:' : 'ws:';
  socket = new WebSocket(`${proto}//${location.host}/ws/chat/${session}`);
  socket.onopen = () => {
    retry = 0;
    $('connection').textContent = '';
  };
  socket.onmessage = e => receive(JSON.parse(e.data));
  socket.onclose = () => {
    const wait = Math.min(10000, 1000 * 2 ** retry++);
    $('connection').textContent = `Connection lost; reconnecting in ${Math.round(wait / 1000)} s…`;
    setTimeout(connect, wait);
  };
}

function send(message) {
  if (!socket || socket.readyState !== WebSocket.OPEN) {
    $('connection').textContent = 'Not connected yet; try again in a moment.';
    return false;
  }
  socket.send(JSON.stringify(message));
  return true;
}

export function ask(question) {
  const q = (question || '').trim();
  if (!q || busy) return;
  if (!send({ type: 'ask', question: q })) return;
  $('question').value = '';
  $('examples').hidden = true;
  bubble('user', q);
  working(true);
}

export function rerun(reading) {
  if (busy) return;
  if (send({ type: 'rerun', reading })) {
    bubble('user', 'Run again with the interpretation as edited.');
    working(true);
  }
}

function receive(m) {
  switch (m.type) {
    case 'ready':
      clear($('log'));
      for (const x of m.history) {
        bubble('user', x.question);
        reply(x.reply, false);
      }
      if (m.history.length) {
        $('examples').hidden = true;
        showResults(m.history.at(-1).reply);
      }
      working(m.busy);
      if (m.busy) progress({ text: 'Still working on your last question…' });
      break;
    case 'progress':
      progress(m);
      break;
    case 'token':
      if (!streaming) streaming = bubble('assistant', '');
      streaming.querySelector('.text').textContent += m.text;
      break;
    case 'reply':
      reply(m, true);
      working(false);
      break;
    case 'error':
      streaming = null;
      bubble('error', m.message);
      working(false);
      break;
  }
}

function bubble(kind, text) {
  const li = h('li', { class: `msg ${kind}`, role: kind === 'error' ? 'alert' : null },
    h('span', { class: 'visually-hidden', text: kind === 'user' ? 'You said:' : kind === 'error' ? 'Problem:' : 'Segmenta:' }),
    h('div', { class: 'text', text }));
  $('log').append(li);
  li.scrollIntoView({ block: 'end', behavior: 'smooth' });
  return li;
}

function reply(r, live) {
  const a = r.answer;
  const li = streaming || bubble('assistant', '');
  streaming = null;
  li.querySelector('.text').replaceWith(h('div', { class: 'text' }, markdown(a.answer)));
  li.prepend(h('p', { class: `tag ${a.mode}` }, a.mode === 'llm' ? `Model ${a.model}` : 'Offline planner'));
  if (a.notice) li.append(h('p', { class: 'notice' }, a.notice));
  if (a.interpretation) li.append(chips(a.interpretation, rerun));
  if (live) showResults(r);
}

function working(on) {
  busy = on;
  $('send').disabled = on;
  $('send').textContent = on ? 'Working…' : 'Ask';
  if (!on) $('progress').hidden = true;
}

function progress(m) {
  $('progress').hidden = false;
  $('progress-text').textContent = m.step ? `Step ${m.step} of ${m.of}: ${m.text}` : m.text;
  const bar = $('progress-bar');
  if (m.step) bar.value = m.step / m.of;
  else bar.removeAttribute('value');
}

async function loadExamples() {
  const box = $('examples');
  try {
    const questions = await getJson('/api/assistant/examples');
    if (!questions.length) return;
    box.append(h('p', { class: 'examples-title', text: 'Try one of these:' }),
      h('ul', {}, questions.map(q => h('li', {}, h('button', { type: 'button', class: 'example', onclick: () => ask(q) }, q)))));
  } catch (e) {
    // no examples: the empty results pane still says what to do
  }
}
