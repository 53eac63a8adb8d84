// Article steps 2 and 3: the catalog's categories ("Software and Access") and their items.
import { api, seg } from '../api.js';
import { h, replace, pageHeading, notice } from '../dom.js';

/** Without a parameter: the list of categories. With one: that category's items. */
export async function render(main, [category]) {
  const data = await api('GET', '/api/catalog');
  const categories = (data && data.categories) || [];
  if (category === undefined) {
    replace(main, pageHeading('Service Catalog'),
      categories.length === 0
        ? notice('info', h('p', { text: 'There is nothing in the catalog you can order.' }))
        : h('ul', { class: 'card-list' }, categories.map((c) => h('li', { class: 'card' },
          h('h2', { class: 'card-title' }, h('a', { href: `#/category/${seg(c.name)}` }, c.name)),
          h('p', { class: 'card-meta', text: countText((c.items || []).length) })))));
    return;
  }
  const found = categories.find((c) => c.name === category);
  const items = (found && found.items) || [];
  replace(main,
    h('nav', { 'aria-label': 'Breadcrumb', class: 'breadcrumb' },
      h('ol', {}, h('li', {}, h('a', { href: '#/' }, 'Service Catalog')),
        h('li', {}, h('span', { 'aria-current': 'page', text: category })))),
    pageHeading(category),
    items.length === 0
      ? notice('info', h('p', { text: 'There is nothing in this category you can order.' }))
      : h('ul', { class: 'card-list' }, items.map((item) => h('li', { class: 'card' },
        h('h2', { class: 'card-title' }, h('a', { href: `#/item/${seg(item.id)}` }, item.name)),
        item.description ? h('p', { text: item.description }) : null))));
}

function countText(n) {
  return n === 1 ? '1 item' : `${n} items`;
}
