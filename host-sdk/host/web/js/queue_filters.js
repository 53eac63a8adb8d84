// The fulfilment queue's filter form: item, state, age, search; kept while the page lives.
import { h, uniqueId } from './dom.js';

/** The filters in use; the queue page reads and sets them. */
export const filters = { item: '', state: 'active', older_than_days: '', q: '', order: 'oldest', page: 1 };

/** The query string the API takes for `filters`. */
export function queueQuery() {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value !== '' && value !== null && value !== undefined) params.set(key, String(value));
  }
  return params.toString();
}

function select(label, key, options) {
  const id = uniqueId('queue', key);
  return h('div', { class: 'field' }, h('label', { for: id, text: label }),
    h('select', { id, name: key },
      options.map(([value, text]) => h('option', { value, selected: filters[key] === value }, text))));
}

function input(label, key, attrs) {
  const id = uniqueId('queue', key);
  return h('div', { class: 'field' }, h('label', { for: id, text: label }),
    h('input', { id, name: key, value: filters[key], ...attrs }));
}

/** The filter form; `items` maps item ids to names; `apply()` runs after the filters changed. */
export function filterForm(items, apply) {
  const form = h('form', { class: 'queue-filters', role: 'search', 'aria-label': 'Filter the queue' },
    input('Search (REQ, RITM or person)', 'q', { type: 'search', maxlength: '200' }),
    select('Item', 'item', [['', 'Any item'], ...items.entries()]),
    select('State', 'state', [['active', 'Waiting or running'], ['open', 'Open'],
      ['fulfilling', 'Fulfilling'], ['failed', 'Failed'], ['closed', 'Closed'], ['all', 'All']]),
    input('Older than (days)', 'older_than_days', { type: 'number', min: '0', max: '3650', inputmode: 'numeric' }),
    select('Order', 'order', [['oldest', 'Oldest first'], ['newest', 'Newest first']]),
    h('button', { type: 'submit', class: 'button button-secondary' }, 'Apply'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    for (const key of ['q', 'item', 'state', 'older_than_days', 'order']) filters[key] = form.elements.namedItem(key).value.trim();
    filters.page = 1;
    apply();
  });
  return form;
}
