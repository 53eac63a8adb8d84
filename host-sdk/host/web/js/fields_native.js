// Native inputs for typed fields: a date picker bounded by today's min/max, and a checkbox.
import { h } from './dom.js';
import { scaffold, applyCommon, labelOf } from './fields.js';

/** The accepted range in words, for the hint under the label (and screen readers). */
function rangeText(min, max) {
  if (min && max) return `Choose a date from ${min} to ${max}.`;
  if (min) return `Choose a date on or after ${min}.`;
  if (max) return `Choose a date on or before ${max}.`;
  return '';
}

/**
 * A date field: `<input type=date>` (keyboard entry and the browser's picker), with the
 * bounds /evaluate resolved for today as min/max, and the range said in words for screen
 * readers and for browsers that show a plain text box (where YYYY-MM-DD is typed).
 */
export function dateField(field, path, ctx) {
  const s = scaffold(field, path);
  const hintId = `${s.inputId}-range`;
  const hint = h('p', { id: hintId, class: 'field-help field-format' });
  const control = h('input', {
    id: s.inputId,
    type: 'date',
    autocomplete: 'off',
    placeholder: 'YYYY-MM-DD',
    'aria-describedby': [s.helpId, hintId, s.errorId].filter(Boolean).join(' '),
    'aria-required': field.mandatory ? 'true' : null,
  });
  // A browser without a date picker turns the input into a text box: then say the format.
  const format = control.type === 'date' ? '' : ' Format: YYYY-MM-DD.';
  control.value = ctx.get(path) ?? '';
  const changed = () => {
    ctx.touch(path);
    ctx.set(path, control.value);
  };
  control.addEventListener('input', changed);
  control.addEventListener('change', changed);
  const wrapper = h('div', { class: 'field field-date' },
    h('label', { for: s.inputId }, labelOf(field), s.mark), s.help, hint, control, s.error);
  const widget = {
    path, wrapper, errorEl: s.error, focusTarget: control,
    apply(state, errors) {
      const invalid = applyCommon(widget, s, state, errors);
      if (state.min) control.min = state.min; else control.removeAttribute('min');
      if (state.max) control.max = state.max; else control.removeAttribute('max');
      hint.textContent = `${rangeText(state.min, state.max)}${format}`.trim();
      hint.hidden = hint.textContent === '';
      control.setAttribute('aria-invalid', String(invalid));
      control.setAttribute('aria-required', String(Boolean(state.mandatory)));
      control.readOnly = Boolean(state.read_only);
      return invalid;
    },
  };
  return widget;
}

/** A checkbox: its answer is true or false; the label is clickable and names the box. */
export function checkboxField(field, path, ctx) {
  const s = scaffold(field, path);
  const control = h('input', {
    id: s.inputId,
    type: 'checkbox',
    'aria-describedby': s.describedBy,
  });
  control.checked = ctx.get(path) === true;
  control.addEventListener('change', () => {
    ctx.touch(path);
    ctx.set(path, control.checked, { immediate: true });
  });
  const wrapper = h('div', { class: 'field field-checkbox' },
    h('div', { class: 'checkbox-line' }, control, h('label', { for: s.inputId }, labelOf(field), s.mark)),
    s.help, s.error);
  const widget = {
    path, wrapper, errorEl: s.error, focusTarget: control,
    apply(state, errors) {
      const invalid = applyCommon(widget, s, state, errors);
      control.setAttribute('aria-invalid', String(invalid));
      control.setAttribute('aria-required', String(Boolean(state.mandatory)));
      // A checkbox has no read-only state: a read-only one cannot be changed at all.
      control.disabled = Boolean(state.read_only);
      return invalid;
    },
  };
  return widget;
}
