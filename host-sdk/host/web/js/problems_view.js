// A catalog file's problems, one per line with its line and column (lint's and the loader's).

/** A list of `{line, column, severity, message}`; `file` names the file in each entry. */
import { h } from './dom.js';

export function problemsList(problems, file) {
  return h('ul', { class: 'problem-list' }, (problems || []).map((p) => h('li', { class: `problem problem-${p.severity}` },
    h('span', { class: 'problem-where' }, `${file ? `${file}:` : ''}line ${p.line}, column ${p.column}`),
    h('span', { class: 'problem-severity', text: p.severity === 'warning' ? 'Warning' : 'Error' }),
    h('span', { class: 'problem-message', text: p.message }))));
}
