// Article step 11: the Request Number, the RITM numbers, and the e-mail confirmations.
import { api, seg } from '../api.js';
import { h, replace, pageHeading, notice } from '../dom.js';
import { itemNames, personName } from '../catalog_names.js';
import { requestFacts, itemsList, notificationsList } from '../request_view.js';

function usernameOf(ref) {
  return ref && typeof ref === 'object' ? ref.username : ref;
}

/** Shows what checkout created; falls back to the checkout answer if the request cannot be read. */
export async function render(main, [number]) {
  const names = await itemNames();
  let request;
  try {
    request = await api('GET', `/api/requests/${seg(number)}`);
    if (request && request.request) request = request.request;
  } catch {
    request = JSON.parse(sessionStorage.getItem('servicedesk.lastRequest') || '{}');
    if (request.number !== number) request = { number };
  }
  const requestedFor = personName(request.requested_for);
  const samePerson = usernameOf(request.requested_for) && usernameOf(request.requested_for) === usernameOf(request.opened_by);
  replace(main,
    pageHeading("You're done! Your request has been submitted"),
    notice('success',
      h('p', {}, 'Request Number: ', h('strong', { class: 'request-number', text: request.number })),
      (request.items || []).map((item) => h('p', {}, 'RITM number: ',
        h('strong', { class: 'ritm-number', text: item.number })))),
    h('p', { class: 'mail-sent' }, "You'll receive an e-mail confirmation of this request.",
      samePerson ? null : ` ${requestedFor || 'The person listed in the Requested For field'}${requestedFor ? ', the person listed in the Requested For field,' : ''} will also get an e-mail confirmation.`),
    h('p', { text: 'When contacting the IT Help Desk about this request, it is most helpful to provide the RITM number. You can also provide the Request Number.' }),
    h('h2', { text: 'Request details' }),
    requestFacts(request),
    h('h2', { text: 'Items' }),
    itemsList(request, names),
    h('h2', { text: 'E-mail notifications' }),
    notificationsList(request),
    h('p', { class: 'actions' }, h('a', { href: '#/requests', class: 'button button-secondary' }, 'My requests'),
      h('a', { href: '#/', class: 'button button-secondary' }, 'Back to the catalog')));
  if (!request.items) main.append(notice('info', h('p', { text: 'Open My requests to see the RITM numbers.' })));
}
