// Article steps 2 and 3: the catalog's categories ("Software and Access") and their items.
import { api, seg, hasRole } from '../api.js';
import { h, replace, pageHeading, notice } from '../dom.js';
import { problemsList } from '../problems_view.js';

/** Catalog administrators' drafts (catalog-items/drafts/), apart from what can be ordered. */
async function draftsSection() {
  if (!hasRole('catalog_admin')) return null;
  const data = await api('GET', '/api/catalog/drafts');
  const drafts = (data && data.drafts) || [];
  return h('section', { class: 'drafts', 'aria-labelledby': 'drafts-heading' },
    h('h2', { id: 'drafts-heading', text: 'Drafts (only catalog administrators see these)' }),
    drafts.length === 0
      ? h('p', { class: 'card-meta', text: 'No drafts: put a form in a drafts/ folder of the catalog to preview it here.' })
      : h('ul', { class: 'card-list' }, drafts.map((d) => h('li', { class: 'card card-draft' },
        h('p', { class: 'draft-badge', text: 'Draft' }),
        h('h3', { class: 'card-title' }, d.loaded
          ? h('a', { href: `#/draft/${seg(d.item)}` }, d.name)
          : h('code', { text: d.path })),
        h('p', { class: 'card-meta', text: d.loaded ? `${d.path} · ${d.category}` : 'Refused: it cannot be previewed until these are fixed.' }),
        (d.problems || []).length ? problemsList(d.problems) : null))));
}

/** Without a parameter: the list of categories. With one: that category's items. */
export async function render(main, [category]) {
  const data = await api('GET', '/api/catalog');
  const categories = (data && data.categories) || [];
  if (category === undefined) {
    const drafts = await draftsSection();
    replace(main, pageHeading('Service Catalog'),
      categories.length === 0
        ? notice('info', h('p', { text: 'There is nothing in the catalog you can order.' }))
        : h('ul', { class: 'card-list' }, categories.map((c) => h('li', { class: 'card' },
          h('h2', { class: 'card-title' }, h('a', { href: `#/category/${seg(c.name)}` }, c.name)),
          h('p', { class: 'card-meta', text: countText((c.items || []).length) })))),
      drafts);
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
