// Holds a form's answers and shows each field as /evaluate and the server's 422 answers describe it.
import { h, replace, announce } from './dom.js';
import { renderField, labelOf } from './fields.js';
import { getAt, setAt } from './paths.js';

/**
 * A rendered form. `fields` is the item form JSON's field list; `onChange(immediate)` is called
 * after every answer change so the page can ask /evaluate (debounced unless `immediate`).
 */
export class FormView {
  constructor({ fields, answers = {}, onChange = () => {} }) {
    this.fields = fields;
    this.answers = answers;
    this.onChange = onChange;
    this.touched = new Set();
    this.submitted = false;
    this.evaluation = null;
    this.serverErrors = {};
    this.widgets = new Map();
    this.lastErrorText = new Map();
    this.formErrors = h('div', { class: 'notice notice-error', role: 'alert', tabindex: '-1', hidden: true });
    this.ctx = this.#context();
    const rendered = fields.map((field) => {
      const widget = renderField(field, field.id, this.ctx);
      this.ctx.register(widget);
      return widget.wrapper;
    });
    this.element = h('div', { class: 'form-fields' }, this.formErrors, rendered);
    this.apply();
  }

  #context() {
    const view = this;
    return {
      get: (path) => getAt(view.answers, path),
      set(path, value, { immediate = false } = {}) {
        setAt(view.answers, path, value);
        view.serverErrors = {};
        view.onChange(immediate);
      },
      touch: (path) => view.touched.add(path),
      isTouched: (path) => view.submitted || view.touched.has(path),
      register: (widget) => view.widgets.set(widget.path, widget),
      unregisterUnder(prefix) {
        for (const path of [...view.widgets.keys()]) if (path.startsWith(prefix)) view.widgets.delete(path);
      },
      widgetAt: (path) => view.widgets.get(path),
      reapply: () => view.apply(),
      // After row `removed` goes, later rows move up one: so must what the user touched.
      shiftRows(rowsPath, removed) {
        const pattern = new RegExp(`^${rowsPath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\[(\\d+)\\](.*)$`);
        const next = new Set();
        for (const path of view.touched) {
          const match = pattern.exec(path);
          if (!match) { next.add(path); continue; }
          const index = Number(match[1]);
          if (index < removed) next.add(path);
          else if (index > removed) next.add(`${rowsPath}[${index - 1}]${match[2]}`);
        }
        view.touched = next;
      },
    };
  }

  /** Takes a fresh /evaluate answer. */
  setEvaluation(evaluation) {
    this.evaluation = evaluation;
    this.apply();
  }

  /** Takes a 422 `errors` object; from now on every field shows its errors. */
  setServerErrors(errors) {
    this.serverErrors = errors || {};
    this.submitted = true;
    this.apply();
  }

  /** A submit was attempted: "required" errors show everywhere from now on. */
  markSubmitted() {
    this.submitted = true;
    this.apply();
  }

  #stateOf(widget) {
    const fromServer = this.evaluation && this.evaluation.fields && this.evaluation.fields[widget.path];
    if (fromServer) return fromServer;
    return { visible: true, mandatory: false, read_only: false, options: [], errors: [] };
  }

  #errorsOf(path, state) {
    const all = [...(state.errors || []), ...(this.serverErrors[path] || [])];
    if (!this.submitted && !this.touched.has(path)) return [];
    return [...new Set(all)];
  }

  /** Re-applies visibility, choices, mandatory marks and errors to every field. */
  apply() {
    const focused = document.activeElement;
    for (const widget of this.widgets.values()) {
      const state = this.#stateOf(widget);
      const errors = state.visible === false ? [] : this.#errorsOf(widget.path, state);
      widget.apply(state, errors);
      const text = errors.join(' ');
      if (text && text !== this.lastErrorText.get(widget.path) && widget.wrapper.contains(focused)) {
        announce(`${this.#labelFor(widget)}: ${text}`);
      }
      this.lastErrorText.set(widget.path, text);
    }
    this.#applyFormErrors();
  }

  #labelFor(widget) {
    const legend = widget.wrapper.querySelector('label, legend');
    return legend ? legend.textContent.replace(/\s*\*\s*\(required\)\s*$/, '').trim() : widget.path;
  }

  #applyFormErrors() {
    const messages = [
      ...((this.evaluation && this.evaluation.form_errors) || []),
      ...(this.serverErrors[''] || []),
    ];
    // Server errors for fields this page does not show must still reach the user.
    for (const [path, list] of Object.entries(this.serverErrors)) {
      if (path !== '' && !this.widgets.has(path)) messages.push(...list);
    }
    const show = (this.submitted || this.touched.size > 0) && messages.length > 0;
    this.formErrors.hidden = !show;
    replace(this.formErrors, show ? [...new Set(messages)].map((m) => h('p', { text: m })) : []);
  }

  /** Visible fields whose errors are shown, in page order. */
  invalidWidgets() {
    return [...this.widgets.values()]
      .filter((w) => !w.errorEl.hidden && isShown(w.wrapper))
      .sort((a, b) => (a.wrapper.compareDocumentPosition(b.wrapper) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  }

  /** Moves focus to the first field with an error and announces how many there are. */
  focusFirstError() {
    const invalid = this.invalidWidgets();
    if (invalid.length === 0) {
      if (!this.formErrors.hidden) this.formErrors.focus?.();
      return false;
    }
    announce(`${invalid.length} field${invalid.length === 1 ? ' needs' : 's need'} attention: ${invalid.map((w) => this.#labelFor(w)).join(', ')}.`);
    invalid[0].focusTarget.focus();
    return true;
  }

  /** Field label lookup used by pages that report errors in their own words. */
  static label(field) { return labelOf(field); }
}

function isShown(el) {
  for (let node = el; node; node = node.parentElement) if (node.hidden) return false;
  return true;
}
