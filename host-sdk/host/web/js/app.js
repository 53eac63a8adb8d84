// The portal's entry point: a hash router that draws one page at a time and the site navigation.
import { currentSession, hasRole, logOut, api, restoreSession } from './api.js';
import { h, replace, notice } from './dom.js';
import * as login from './pages/login.js';
import * as catalog from './pages/catalog.js';
import * as item from './pages/item.js';
import * as cart from './pages/cart.js';
import * as checkout from './pages/checkout.js';
import * as confirmation from './pages/confirmation.js';
import * as requests from './pages/requests.js';
import * as fulfilment from './pages/fulfilment.js';
import * as draft from './pages/draft.js';
import * as catalogStatus from './pages/catalog_status.js';

/** Route patterns over `location.hash`; captures become page parameters. */
const routes = [
  [/^#\/login$/, login, false],
  [/^#\/?$/, catalog, true],
  [/^#\/category\/(.+)$/, catalog, true],
  [/^#\/item\/([^/]+)$/, item, true],
  [/^#\/cart$/, cart, true],
  [/^#\/checkout$/, checkout, true],
  [/^#\/confirmation\/([^/]+)$/, confirmation, true],
  [/^#\/requests$/, requests, true],
  [/^#\/requests\/([^/]+)$/, requests, true],
  [/^#\/fulfilment$/, fulfilment, true],
  [/^#\/draft\/([^/]+)$/, draft, true],
  [/^#\/catalog-status$/, catalogStatus, true],
];

const main = () => document.getElementById('main');
let firstRender = true;

/** Goes to `hash` (e.g. "#/cart"); re-renders even when already there. */
export function navigate(hash) {
  if (location.hash === hash) render();
  else location.hash = hash;
}

/** Updates the cart link's count; failures leave it as it was. */
export async function refreshCartCount() {
  const count = document.getElementById('cart-count');
  if (!count || !currentSession()) return;
  try {
    const data = await api('GET', '/api/cart');
    const n = ((data && data.lines) || []).length;
    count.textContent = n ? ` (${n})` : '';
  } catch {
    /* the count is a convenience */
  }
}

function renderNav() {
  const nav = document.getElementById('site-nav');
  const session = currentSession();
  if (!session) { replace(nav); return; }
  const link = (href, text, extra) => h('li', {}, h('a', { href }, text, extra || null));
  replace(nav, h('ul', { class: 'nav-list' },
    link('#/', 'Catalog'),
    link('#/cart', 'Cart', h('span', { id: 'cart-count' })),
    link('#/requests', 'My requests'),
    hasRole('it_staff') ? link('#/fulfilment', 'Fulfilment queue') : null,
    hasRole('it_staff') || hasRole('catalog_admin') ? link('#/catalog-status', 'Catalog status') : null,
    h('li', { class: 'nav-user' },
      h('span', { class: 'nav-user-name', text: session.user.display_name || session.user.username }),
      h('button', {
        type: 'button', class: 'button button-link',
        onclick: async () => { await logOut().catch(() => {}); navigate('#/login'); },
      }, 'Log out'))));
  markCurrent(nav);
  refreshCartCount();
}

function markCurrent(nav) {
  const hash = location.hash || '#/';
  for (const a of nav.querySelectorAll('a')) {
    const target = a.getAttribute('href');
    const current = target === '#/' ? (hash === '#/' || hash.startsWith('#/category') || hash.startsWith('#/item') || hash.startsWith('#/draft'))
      : hash.startsWith(target);
    if (current) a.setAttribute('aria-current', 'page');
  }
}

async function render() {
  const hash = location.hash || '#/';
  const match = routes.map(([pattern, page, needsSession]) => ({ m: pattern.exec(hash), page, needsSession }))
    .find((r) => r.m);
  const container = main();
  if (!match) {
    replace(container, h('h1', { tabindex: '-1', text: 'Page not found' }),
      h('p', {}, h('a', { href: '#/' }, 'Back to the catalog')));
    return;
  }
  if (match.needsSession && !currentSession() && !(await restoreSession())) {
    sessionStorage.setItem('servicedesk.next', hash);
    location.hash = '#/login';
    return;
  }
  renderNav();
  replace(container, h('p', { class: 'loading', text: 'Loading…' }));
  try {
    await match.page.render(container, match.m.slice(1).map(decodeURIComponent), { navigate, refreshCartCount });
  } catch (error) {
    replace(container, h('h1', { tabindex: '-1', text: 'Something went wrong' }),
      notice('error', h('p', { text: error.message })),
      h('p', {}, h('a', { href: '#/' }, 'Back to the catalog')));
  }
  const heading = container.querySelector('h1');
  if (heading) {
    document.title = `${heading.textContent} — IT Service Desk`;
    if (!firstRender) heading.focus();
  }
  firstRender = false;
}

window.addEventListener('hashchange', render);
window.addEventListener('session-expired', () => {
  if (location.hash !== '#/login') {
    sessionStorage.setItem('servicedesk.next', location.hash);
    location.hash = '#/login';
  }
});
document.querySelector('.skip-link')?.addEventListener('click', (event) => {
  event.preventDefault();
  main().focus();
});
render();
