// The IT staff fulfilment queue: open RITMs to fulfil or reject, running ones, failed ones to retry.
import { api, seg, hasRole } from '../api.js';
import { h, replace, pageHeading, notice, announce, uniqueId } from '../dom.js';
import { personName, itemNames } from '../catalog_names.js';
import { term, humanState, openedAt } from '../request_view.js';
import { fulfilmentFacts } from '../fulfilment_state.js';
import { filters, queueQuery, filterForm } from '../queue_filters.js';

/** Lists the queue: "Fulfil" or "Retry" and "Reject" (with a reason) for each item that waits. */
export async function render(main) {
  if (!hasRole('it_staff')) {
    replace(main, pageHeading('Fulfilment queue'),
      notice('error', h('p', { text: 'Only IT staff can see the fulfilment queue.' })));
    return;
  }
  const status = h('div', { class: 'queue-status' });
  const data = await api('GET', `/api/fulfilment/queue?${queueQuery()}`);
  const items = (data && data.items) || [];
  const names = await itemNames();
  for (const item of items) if (!names.has(item.item)) names.set(item.item, item.item_name || item.item);
  if (filters.item && !names.has(filters.item)) names.set(filters.item, filters.item);

  async function act(ritm, action, body) {
    try {
      const reply = await api('POST', `/api/fulfilment/${seg(ritm)}/${action}`, body);
      const state = reply && reply.item ? reply.item.state : '';
      const done = state === 'fulfilling' ? 'is being fulfilled' : humanState(state).toLowerCase();
      await render(main);
      const kind = state === 'failed' ? 'error' : state === 'fulfilling' ? 'info' : 'success';
      replace(main.querySelector('.queue-status'), notice(kind, h('p', { text: `${ritm} ${done}.` })));
      announce(`${ritm} ${done}.`);
      main.querySelector('h1')?.focus();
    } catch (error) {
      replace(status, notice('error', h('p', { text: `${ritm}: ${error.message}` })));
    }
  }

  function card(item) {
    const reasonId = uniqueId('reason', item.number);
    const reason = h('textarea', { id: reasonId, rows: '2' });
    const rejectForm = h('form', { class: 'reject-form stack', hidden: true, novalidate: true },
      h('div', { class: 'field' }, h('label', { for: reasonId }, `Reason for rejecting ${item.number}`), reason),
      h('div', { class: 'actions' },
        h('button', { type: 'submit', class: 'button button-danger' }, 'Reject'),
        h('button', { type: 'button', class: 'button button-link', onclick: () => { rejectForm.hidden = true; rejectToggle.focus(); } }, 'Cancel')));
    rejectForm.addEventListener('submit', (event) => {
      event.preventDefault();
      if (!reason.value.trim()) { reason.setAttribute('aria-invalid', 'true'); reason.focus(); return; }
      act(item.number, 'reject', { reason: reason.value.trim() });
    });
    const rejectToggle = h('button', {
      type: 'button', class: 'button button-secondary',
      onclick: () => { rejectForm.hidden = false; reason.focus(); },
    }, 'Reject…');
    return h('li', { class: 'card' },
      h('h2', { class: 'card-title', text: `${item.number} — ${item.item_name || item.item}` }),
      h('dl', { class: 'facts' },
        term('Request Number', h('a', { href: `#/requests/${seg(item.request_number)}` }, item.request_number)),
        term('Opened', openedAt(item)),
        term('State', humanState(item.state)),
        term('Summary', item.summary),
        term('Opened by', personName(item.opened_by)),
        term('Requested For', personName(item.requested_for)),
        fulfilmentFacts(item)),
      item.state === 'fulfilling' ? null : h('div', { class: 'actions' },
        item.state === 'failed'
          ? h('button', { type: 'button', class: 'button button-primary', onclick: () => act(item.number, 'retry', {}) }, 'Retry')
          : h('button', { type: 'button', class: 'button button-primary', onclick: () => act(item.number, 'fulfil', {}) }, 'Fulfil'),
        rejectToggle),
      rejectForm);
  }

  const total = (data && data.total) || 0;
  const pageSize = (data && data.page_size) || 25;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const go = (page) => { filters.page = page; render(main); };
  replace(main, pageHeading('Fulfilment queue'),
    filterForm(names, () => render(main)), status,
    h('p', { class: 'queue-count', role: 'status' }, `${total} item${total === 1 ? '' : 's'} found.`),
    items.length === 0
      ? notice('info', h('p', { text: 'Nothing matches these filters.' }))
      : h('ul', { class: 'card-list' }, items.map(card)),
    pages <= 1 ? null : h('nav', { class: 'pager', 'aria-label': 'Queue pages' },
      h('button', { type: 'button', class: 'button button-link', disabled: filters.page <= 1, onclick: () => go(filters.page - 1) }, 'Previous page'),
      h('span', { text: `Page ${filters.page} of ${pages}` }),
      h('button', { type: 'button', class: 'button button-link', disabled: filters.page >= pages, onclick: () => go(filters.page + 1) }, 'Next page')));
}
