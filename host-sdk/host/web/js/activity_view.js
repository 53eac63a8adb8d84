// A request's activity log for IT staff, newest first, as the server sends it.
import { h } from './dom.js';
import { humanState } from './request_view.js';

/** The activity log as a table; nothing when the reader is not given one. */
export function activityTable(request) {
  if (!Array.isArray(request.activity)) return null;
  if (request.activity.length === 0) return h('p', { text: 'No activity recorded yet.' });
  return h('table', { class: 'activity-log' },
    h('caption', { text: 'Newest first' }),
    h('thead', {}, h('tr', {},
      ['When', 'Item', 'Who', 'What', 'Detail'].map((t) => h('th', { scope: 'col', text: t })))),
    h('tbody', {}, request.activity.map((row) => h('tr', {},
      h('td', { text: new Date(row.at_ms).toLocaleString() }),
      h('td', { text: row.item_number || '—' }),
      h('td', { text: row.actor }),
      h('td', { text: humanState(row.kind) }),
      h('td', { text: row.detail || '' })))));
}
