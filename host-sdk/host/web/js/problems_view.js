// A catalog file's problems, one per line with its line and column (lint's and the loader's).
import { h } from './dom.js';

/** A list of `{line, column, severity, message}`, under a heading or card that names the file. */
export function problemsList(problems) {
  return h('ul', { class: 'problem-list' }, (problems || []).map((p) => h('li', { class: `problem problem-${p.severity}` },
    h('span', { class: 'problem-where', text: `Line ${p.line}, column ${p.column}` }),
    h('span', { class: 'problem-severity', text: p.severity === 'warning' ? 'Warning' : 'Error' }),
    h('span', { class: 'problem-message', text: p.message }))));
}
