// Shows one request (REQ), its items (RITM) and its e-mail notifications, whatever page asks.
import { h } from './dom.js';
import { itemName, personName } from './catalog_names.js';

/** A definition list row, skipped when there is no value. */
export function term(label, value, extra = {}) {
  if (value === undefined || value === null || value === '') return null;
  return [h('dt', { text: label }), h('dd', extra, value)];
}

/** The request's items as cards, each with its RITM number. */
export function itemsList(request, names) {
  const items = request.items || [];
  return h('ul', { class: 'card-list' }, items.map((item) => h('li', { class: 'card' },
    h('h3', { class: 'card-title', text: itemName(item.item ?? item.name, names) }),
    h('dl', { class: 'facts' },
      term('RITM number', item.number, { class: 'ritm-number' }),
      term('State', humanState(item.state)),
      term('Summary', item.summary)))));
}

/** Who was sent mail about the request and whether it went out. */
export function notificationsList(request) {
  const list = request.notifications || [];
  if (list.length === 0) return h('p', { text: 'No e-mail notifications yet.' });
  return h('ul', { class: 'plain-list notifications' }, list.map((n) => h('li', {},
    [n.subject || n.event || n.on || 'E-mail',
      ' — to ', personName(n.recipient ?? n.to ?? n.address) || 'recipient',
      n.state ? ` — ${humanState(n.state)}` : ''].join(''))));
}

/** "in_progress" -> "In progress". */
export function humanState(state) {
  if (!state) return '';
  const text = String(state).replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The request's own facts: number, state, people, instructions. */
export function requestFacts(request) {
  return h('dl', { class: 'facts' },
    term('Request Number', request.number, { class: 'request-number' }),
    term('State', humanState(request.state)),
    term('Opened', request.opened_at || request.created_at),
    term('Opened by', personName(request.opened_by)),
    term('Requested For', personName(request.requested_for)),
    term('Special Instructions', request.special_instructions));
}
