// Article step 9: the cart, its lines, and "Proceed to Checkout".
import { api, seg } from '../api.js';
import { h, replace, pageHeading, notice, announce } from '../dom.js';
import { itemNames, nameOfEntry } from '../catalog_names.js';

/** Lists the cart's lines with a remove button each. */
export async function render(main, _params, { refreshCartCount }) {
  const [data, names] = await Promise.all([api('GET', '/api/cart'), itemNames()]);
  const lines = (data && data.lines) || [];
  const status = h('div', { class: 'cart-status' });
  const heading = pageHeading('Your cart');

  async function remove(line, name) {
    try {
      await api('DELETE', `/api/cart/items/${seg(line.id)}`);
      announce(`${name} removed from your cart.`);
      refreshCartCount();
      await render(main, [], { refreshCartCount });
      main.querySelector('h1')?.focus();
    } catch (error) {
      replace(status, notice('error', h('p', { text: error.message })));
    }
  }

  if (lines.length === 0) {
    replace(main, heading, status, notice('info', h('p', { text: 'Your cart is empty.' })),
      h('p', {}, h('a', { href: '#/' }, 'Browse the catalog')));
    return;
  }
  replace(main, heading, status,
    h('ul', { class: 'card-list cart-lines' }, lines.map((line) => {
      const name = nameOfEntry(line, names);
      return h('li', { class: 'card cart-line' },
        h('h2', { class: 'card-title', text: name }),
        line.summary ? h('p', { class: 'line-summary', text: line.summary }) : null,
        h('button', {
          type: 'button', class: 'button button-secondary', 'aria-label': `Remove ${name} from the cart`,
          onclick: () => remove(line, name),
        }, 'Remove'));
    })),
    h('div', { class: 'actions' },
      h('a', { href: '#/', class: 'button button-secondary' }, 'Continue shopping'),
      h('a', { href: '#/checkout', class: 'button button-primary' }, 'Proceed to Checkout')));
}
