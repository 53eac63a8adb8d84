// What the portal says about an item's fulfilment: why it failed, or how its retries stand.
import { term } from './request_view.js';

/** Rows for a definition list: the failure or rejection reason, and pending retries. */
export function fulfilmentFacts(item) {
  const rows = [];
  if (item.state === 'failed') rows.push(term('Why it failed', item.reason, { class: 'failure-reason' }));
  if (item.state === 'rejected') rows.push(term('Reason', item.reason));
  if (item.state === 'fulfilling' && item.attempts > 0) {
    const next = Number.isFinite(item.next_attempt_at_ms)
      ? new Date(item.next_attempt_at_ms).toLocaleTimeString() : 'soon';
    rows.push(term('Retrying',
      `${item.attempts} attempt${item.attempts === 1 ? '' : 's'} failed (${item.last_error}); next try at ${next}.`,
      { class: 'retry-note' }));
  }
  return rows;
}
