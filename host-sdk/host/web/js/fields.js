// Renders one form field of the item form JSON, whatever item it belongs to.
import { h, uniqueId, replace } from './dom.js';
import { createTypeahead } from './typeahead.js';
import { humanize, rowPath } from './paths.js';
import { dateField, checkboxField } from './fields_native.js';

/** The visible label of a field; YAML may leave column labels out. */
export function labelOf(field) {
  return field.label || humanize(field.id);
}

/** The pieces every field shares: label text, help, error slot, required marker. */
export function scaffold(field, path) {
  const inputId = uniqueId('f', path);
  const helpId = field.help ? `${inputId}-help` : null;
  const errorId = `${inputId}-error`;
  const mark = h('span', { class: 'required-mark', hidden: !field.mandatory },
    h('span', { 'aria-hidden': 'true', text: ' *' }),
    h('span', { class: 'visually-hidden', text: ' (required)' }));
  const help = helpId ? h('p', { id: helpId, class: 'field-help', text: field.help }) : null;
  const error = h('p', { id: errorId, class: 'field-error', hidden: true });
  const describedBy = [helpId, errorId].filter(Boolean).join(' ');
  return { inputId, helpId, errorId, mark, help, error, describedBy };
}

/** Shows `messages` in the error slot; returns whether there were any. */
function showErrors(errorEl, messages) {
  const list = messages || [];
  errorEl.hidden = list.length === 0;
  replace(errorEl, list.length ? h('span', { class: 'visually-hidden', text: 'Error: ' }) : null,
    list.join(' '));
  return list.length > 0;
}

export function applyCommon(widget, s, state, errors) {
  widget.wrapper.hidden = !state.visible;
  s.mark.hidden = !state.mandatory;
  return showErrors(s.error, errors);
}

function textLike(field, path, ctx) {
  const s = scaffold(field, path);
  const multiline = field.type === 'multiline_text';
  const control = h(multiline ? 'textarea' : 'input', {
    id: s.inputId,
    type: multiline ? null : (field.type === 'phone' ? 'tel' : 'text'),
    rows: multiline ? '4' : null,
    inputmode: field.type === 'phone' ? 'tel' : null,
    autocomplete: 'off',
    'aria-describedby': s.describedBy,
    'aria-required': field.mandatory ? 'true' : null,
  });
  control.value = ctx.get(path) ?? '';
  control.addEventListener('input', () => {
    ctx.touch(path);
    ctx.set(path, control.value);
  });
  const wrapper = h('div', { class: `field field-${field.type}` },
    h('label', { for: s.inputId }, labelOf(field), s.mark), s.help, control, s.error);
  const widget = {
    path, wrapper, errorEl: s.error, focusTarget: control,
    apply(state, errors) {
      const invalid = applyCommon(widget, s, state, errors);
      control.setAttribute('aria-invalid', String(invalid));
      control.setAttribute('aria-required', String(Boolean(state.mandatory)));
      control.readOnly = Boolean(state.read_only);
      return invalid;
    },
  };
  return widget;
}

function directory(field, path, ctx) {
  const s = scaffold(field, path);
  const typeahead = createTypeahead({
    id: s.inputId,
    kind: field.search_kind || (field.type === 'person' ? 'person' : 'any'),
    value: ctx.get(path),
    describedBy: s.describedBy,
    required: field.mandatory,
    onChange: (username) => ctx.set(path, username, { immediate: true }),
    onTouch: () => ctx.touch(path),
  });
  const wrapper = h('div', { class: 'field field-directory' },
    h('label', { for: s.inputId }, labelOf(field), s.mark), s.help, typeahead.root, s.error);
  const widget = {
    path, wrapper, errorEl: s.error, focusTarget: typeahead.input,
    apply(state, errors) {
      let shown = errors;
      if (typeahead.hasUnchosenText() && ctx.isTouched(path)) {
        shown = ['Choose a name from the search results.'];
      }
      const invalid = applyCommon(widget, s, state, shown);
      typeahead.setInvalid(invalid);
      typeahead.setRequired(state.mandatory);
      typeahead.setReadOnly(state.read_only);
      return invalid;
    },
  };
  return widget;
}

function choice(field, path, ctx) {
  const s = scaffold(field, path);
  const group = h('div', { class: 'choice-options' });
  const wrapper = h('fieldset', {
    class: 'field field-choice', role: 'radiogroup', 'aria-describedby': s.describedBy,
  }, h('legend', {}, labelOf(field), s.mark), s.help, group, s.error);
  let offeredKey = null;
  let radios = [];

  function renderOptions(options) {
    const key = options.map((o) => o.value).join('\u0000');
    if (key === offeredKey) return;
    offeredKey = key;
    const name = uniqueId('choice', path);
    const current = ctx.get(path);
    if (current && !options.some((o) => o.value === current)) ctx.set(path, '', { immediate: true });
    radios = options.map((option) => {
      const radio = h('input', { type: 'radio', name, value: option.value, id: uniqueId(name, option.value) });
      radio.checked = option.value === ctx.get(path);
      radio.addEventListener('change', () => {
        if (!radio.checked) return;
        ctx.touch(path);
        ctx.set(path, option.value, { immediate: true });
      });
      return radio;
    });
    replace(group, options.map((option, i) =>
      h('div', { class: 'choice-option' }, radios[i], h('label', { for: radios[i].id }, option.label))));
    if (options.length === 0) {
      group.append(h('p', { class: 'field-help', text: 'Fill in the fields above to see the choices.' }));
    }
  }

  renderOptions([]);
  const widget = {
    path, wrapper, errorEl: s.error,
    get focusTarget() { return radios.find((r) => r.checked) || radios[0] || wrapper; },
    apply(state, errors) {
      renderOptions(state.options || []);
      const invalid = applyCommon(widget, s, state, errors);
      wrapper.setAttribute('aria-required', String(Boolean(state.mandatory)));
      wrapper.setAttribute('aria-invalid', String(invalid));
      radios.forEach((r) => { r.disabled = Boolean(state.read_only); });
      return invalid;
    },
  };
  return widget;
}

function rows(field, path, ctx) {
  const s = scaffold(field, path);
  const list = h('div', { class: 'rows-list' });
  const addButton = h('button', { type: 'button', class: 'button button-secondary' },
    field.add_label || 'Add');
  const wrapper = h('fieldset', { class: 'field field-rows', 'aria-describedby': s.describedBy },
    h('legend', {}, labelOf(field), s.mark), s.help, list, s.error, addButton);
  const maxRows = Number.isInteger(field.max_rows) ? field.max_rows : Infinity;
  const current = () => (Array.isArray(ctx.get(path)) ? ctx.get(path) : []);

  function render(focusRow) {
    ctx.unregisterUnder(`${path}[`);
    const values = current();
    replace(list, values.map((_, index) => {
      const cells = (field.columns || []).map((column) => {
        const child = renderField(column, rowPath(path, index, column.id), ctx);
        ctx.register(child);
        return child.wrapper;
      });
      const remove = h('button', {
        type: 'button', class: 'button button-link', 'aria-label': `Remove row ${index + 1}`,
        onclick: () => {
          const next = current().slice();
          next.splice(index, 1);
          ctx.touch(path);
          ctx.shiftRows(path, index);
          ctx.set(path, next, { immediate: true });
          render(null);
          addButton.focus();
        },
      }, 'Remove row');
      return h('fieldset', { class: 'row' },
        h('legend', { class: 'row-legend', text: `Row ${index + 1}` }), cells, remove);
    }));
    addButton.disabled = values.length >= maxRows;
    ctx.reapply();
    if (focusRow !== null && focusRow !== undefined) {
      const first = ctx.widgetAt(rowPath(path, focusRow, (field.columns || [])[0]?.id));
      if (first) first.focusTarget.focus();
    }
  }

  addButton.addEventListener('click', () => {
    const blank = Object.fromEntries((field.columns || []).map((c) => [c.id, c.type === 'checkbox' ? false : '']));
    const next = [...current(), blank];
    ctx.set(path, next, { immediate: true });
    render(next.length - 1);
  });

  render(null);
  const widget = {
    path, wrapper, errorEl: s.error, focusTarget: addButton,
    apply(state, errors) {
      return applyCommon(widget, s, state, errors);
    },
  };
  return widget;
}

/** Builds the widget for `field` at `path`; unknown types fall back to a text box. */
export function renderField(field, path, ctx) {
  switch (field.type) {
    case 'choice': return choice(field, path, ctx);
    case 'person':
    case 'directory_account': return directory(field, path, ctx);
    case 'rows': return rows(field, path, ctx);
    case 'date': return dateField(field, path, ctx);
    case 'checkbox': return checkboxField(field, path, ctx);
    default: return textLike(field, path, ctx);
  }
}
