// "My requests": every request the person opened, and one request with its notifications.
import { api, seg } from '../api.js';
import { h, replace, pageHeading, notice } from '../dom.js';
import { itemNames } from '../catalog_names.js';
import { requestFacts, itemsList, notificationsList, requestState, openedAt, term } from '../request_view.js';
import { personName } from '../catalog_names.js';
import { activityTable } from '../activity_view.js';

/** Without a parameter: the list; with a request number: that request. */
export async function render(main, [number]) {
  const names = await itemNames();
  if (number !== undefined) {
    let request = await api('GET', `/api/requests/${seg(number)}`);
    if (request && request.request) request = request.request;
    replace(main,
      h('nav', { 'aria-label': 'Breadcrumb', class: 'breadcrumb' },
        h('ol', {}, h('li', {}, h('a', { href: '#/requests' }, 'My requests')),
          h('li', {}, h('span', { 'aria-current': 'page', text: request.number })))),
      pageHeading(`Request ${request.number}`),
      requestFacts(request),
      h('h2', { text: 'Items' }), itemsList(request, names),
      h('h2', { text: 'E-mail notifications' }), notificationsList(request),
      Array.isArray(request.activity) ? [h('h2', { text: 'Activity' }), activityTable(request)] : null);
    return;
  }
  const data = await api('GET', '/api/requests');
  const list = Array.isArray(data) ? data : (data && (data.requests || data.items)) || [];
  replace(main, pageHeading('My requests'),
    list.length === 0
      ? notice('info', h('p', { text: 'You have not submitted any requests yet.' }))
      : h('ul', { class: 'card-list' }, list.map((request) => h('li', { class: 'card' },
        h('h2', { class: 'card-title' }, h('a', { href: `#/requests/${seg(request.number)}` }, request.number)),
        h('dl', { class: 'facts' },
          term('State', requestState(request)),
          term('Opened', openedAt(request)),
          term('Requested For', personName(request.requested_for)),
          term('RITM numbers', (request.items || []).map((i) => i.number).join(', ')))))));
}
