import { startChat } from './chat.js';
import { showData } from './data.js';
import { showCustomer } from './customer.js';
import { getJson } from './dom.js';

const pages = ['chat', 'data', 'customer'];

function route() {
  const [, page = 'chat', arg] = location.hash.match(/^#\/([a-z]+)\/?(.*)$/) || [];
  const current = pages.includes(page) ? page : 'chat';
  for (const p of pages) document.getElementById(`page-${p}`).hidden = p !== current;
  for (const a of document.querySelectorAll('nav a')) {
    if (a.dataset.page === current) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  if (current === 'data') showData(document.getElementById('page-data'));
  if (current === 'customer') showCustomer(document.getElementById('page-customer'), decodeURIComponent(arg));
  document.title = `Segmenta · ${current === 'chat' ? 'Assistant' : current === 'data' ? 'Data' : 'Customer'}`;
}

// The badge follows the model server: it switches when Ollama appears or goes away, with no reload.
async function pollMode() {
  const badge = document.getElementById('mode');
  try {
    const s = await getJson('/api/assistant/status');
    badge.textContent = s.mode === 'llm' ? `Model: ${s.model}` : 'Offline mode';
    badge.title = s.mode === 'llm' ? `Answering with ${s.model} at ${s.server}` : `${s.reason}. The offline planner answers.`;
    badge.className = `mode ${s.mode}`;
  } catch (e) {
    badge.textContent = 'Server unreachable';
    badge.className = 'mode down';
  }
}

window.addEventListener('hashchange', route);
window.addEventListener('DOMContentLoaded', () => {
  startChat();
  route();
  pollMode();
  setInterval(pollMode, 10000);
});
