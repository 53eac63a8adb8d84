// Shows an item's answers as the server gives them: labels of the submitted form version, rows
// as a table, masked values marked as such.
import { h } from './dom.js';

/** One value; a masked one says so to screen readers. */
function valueNode(value, masked) {
  if (!masked) return value === '' ? '—' : value;
  return h('span', { class: 'masked' }, value, h('span', { class: 'visually-hidden' }, ' (masked)'));
}

/** A rows answer as a table with a header row and a caption naming the field. */
function rowsTable(answer) {
  return h('table', { class: 'answer-rows' },
    h('caption', { text: answer.label }),
    h('thead', {}, h('tr', {}, answer.columns.map((c) => h('th', { scope: 'col', text: c.label })))),
    h('tbody', {}, answer.rows.map((cells) => h('tr', {},
      cells.map((cell) => h('td', {}, valueNode(cell.value, cell.masked)))))));
}

/** The answers of one item, in form order; nothing when the server sent none. */
export function answersList(item) {
  const answers = item.answers || [];
  if (answers.length === 0) return null;
  const plain = answers.filter((a) => !Array.isArray(a.rows));
  const rows = answers.filter((a) => Array.isArray(a.rows));
  return h('section', { class: 'answers', 'aria-label': `Answers of ${item.number}` },
    plain.length === 0 ? null : h('dl', { class: 'facts answer-facts' },
      plain.map((a) => [h('dt', { text: a.label }),
        h('dd', { 'data-field': a.id }, valueNode(a.value, a.masked))])),
    rows.map(rowsTable));
}
