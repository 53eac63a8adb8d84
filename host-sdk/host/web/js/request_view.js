// Shows one request (REQ), its items (RITM) and its e-mail notifications, whatever page asks.
import { h } from './dom.js';
import { nameOfEntry, personName } from './catalog_names.js';
import { fulfilmentFacts } from './fulfilment_state.js';
import { answersList } from './answers_view.js';

/** A definition list row, skipped when there is no value. */
export function term(label, value, extra = {}) {
  if (value === undefined || value === null || value === '') return null;
  return [h('dt', { text: label }), h('dd', extra, value)];
}

/** The request's items as cards, each with its RITM number. */
export function itemsList(request, names) {
  const items = request.items || [];
  return h('ul', { class: 'card-list' }, items.map((item) => h('li', { class: 'card' },
    h('h3', { class: 'card-title', text: nameOfEntry(item, names) }),
    h('dl', { class: 'facts' },
      term('RITM number', item.number, { class: 'ritm-number' }),
      term('State', humanState(item.state), { class: 'item-state' }),
      term('Summary', item.summary),
      fulfilmentFacts(item)),
    answersList(item))));
}

/** Who was sent mail about the request and whether it went out. */
export function notificationsList(request) {
  const list = request.notifications || [];
  if (list.length === 0) return h('p', { text: 'No e-mail notifications yet.' });
  return h('ul', { class: 'plain-list notifications' }, list.map((n) => h('li', {},
    h('span', { class: 'notification-subject', text: n.subject || n.event || 'E-mail' }),
    ` — to ${personName(n.to ?? n.recipient) || 'recipient'}`,
    n.to_address ? ` <${n.to_address}>` : '',
    n.state ? ` — ${humanState(n.state)}` : '')));
}

/** "in_progress" -> "In progress". */
export function humanState(state) {
  if (!state) return '';
  const text = String(state).replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A request's state: its own if the server gives one, else what its items say together. */
export function requestState(request) {
  if (request.state) return humanState(request.state);
  const states = [...new Set((request.items || []).map((i) => humanState(i.state)).filter(Boolean))];
  return states.join(', ');
}

/** When the request was opened, in the reader's locale. */
export function openedAt(request) {
  const ms = request.created_at_ms ?? Date.parse(request.opened_at || request.created_at || '');
  if (!Number.isFinite(ms)) return '';
  return new Date(ms).toLocaleString();
}

/** The request's own facts: number, state, people, instructions. */
export function requestFacts(request) {
  return h('dl', { class: 'facts' },
    term('Request Number', request.number, { class: 'request-number' }),
    term('State', requestState(request)),
    term('Opened', openedAt(request)),
    term('Opened by', personName(request.opened_by)),
    term('Requested For', personName(request.requested_for)),
    term('Special Instructions', request.special_instructions));
}
