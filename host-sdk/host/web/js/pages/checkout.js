// Article step 10: Requested For, Special Instructions, then "Checkout".
import { api, seg } from '../api.js';
import { h, replace, pageHeading, notice } from '../dom.js';
import { FormView } from '../form_view.js';
import { itemNames, nameOfEntry } from '../catalog_names.js';

/** Used only when no item in the cart names its own checkout fields. */
const DEFAULT_FIELDS = [
  { id: 'requested_for', type: 'person', label: 'Requested For', help: '', mandatory: true, search_kind: 'person' },
  { id: 'special_instructions', type: 'multiline_text', label: 'Special Instructions', help: '', mandatory: false },
];

/** The union of the checkout fields of every item in the cart, first definition wins. */
async function checkoutFields(lines) {
  const ids = [...new Set(lines.map((l) => (l.item && typeof l.item === 'object' ? l.item.id : l.item)))];
  const forms = await Promise.all(ids.map((id) => api('GET', `/api/catalog/items/${seg(id)}`).catch(() => null)));
  const fields = new Map();
  for (const form of forms) {
    for (const field of (form && form.checkout && form.checkout.fields) || []) {
      if (!fields.has(field.id)) fields.set(field.id, field);
    }
  }
  return fields.size ? [...fields.values()] : DEFAULT_FIELDS;
}

/** What the form shows before the server has said anything: the YAML's static marks. */
function staticEvaluation(fields) {
  return {
    fields: Object.fromEntries(fields.map((f) => [f.id,
      { visible: true, mandatory: Boolean(f.mandatory), read_only: false, errors: [] }])),
    valid: true,
  };
}

/** Draws the checkout form for the current cart. */
export async function render(main, _params, { navigate, refreshCartCount }) {
  const [cart, names] = await Promise.all([api('GET', '/api/cart'), itemNames()]);
  const lines = (cart && cart.lines) || [];
  if (lines.length === 0) {
    replace(main, pageHeading('Checkout'), notice('info', h('p', { text: 'Your cart is empty.' })),
      h('p', {}, h('a', { href: '#/' }, 'Browse the catalog')));
    return;
  }
  const fields = await checkoutFields(lines);
  const evaluation = staticEvaluation(fields);
  const view = new FormView({ fields, onChange: () => { problem.replaceChildren(); view.setEvaluation(evaluation); } });
  view.setEvaluation(evaluation);
  const problem = h('div', { class: 'guard-slot', tabindex: '-1' });
  const button = h('button', { type: 'submit', class: 'button button-primary' }, 'Checkout');
  const form = h('form', { class: 'stack', novalidate: true, 'aria-labelledby': 'checkout-heading' },
    view.element, problem, h('div', { class: 'actions' }, button));

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    button.disabled = true;
    const answers = Object.fromEntries(fields.map((f) => [f.id, view.answers[f.id] ?? '']));
    try {
      const created = await api('POST', '/api/cart/checkout', answers);
      const request = created && created.request;
      sessionStorage.setItem('servicedesk.lastRequest', JSON.stringify(request || {}));
      refreshCartCount();
      navigate(`#/confirmation/${seg(request && request.number)}`);
    } catch (error) {
      if (error.status === 422) {
        view.setServerErrors(error.body.errors || {});
        if (!view.focusFirstError()) problem.focus();
      } else {
        replace(problem, notice('error', h('p', { class: 'guard-message', text: error.message })));
        problem.focus();
      }
    } finally {
      button.disabled = false;
    }
  });

  replace(main,
    h('h1', { id: 'checkout-heading', tabindex: '-1', class: 'page-heading', text: 'Checkout' }),
    h('section', { 'aria-labelledby': 'checkout-items' },
      h('h2', { id: 'checkout-items', text: 'Items in this request' }),
      h('ul', { class: 'card-list' }, lines.map((line) => h('li', { class: 'card' },
        h('h3', { class: 'card-title', text: nameOfEntry(line, names) }),
        line.summary ? h('p', { class: 'line-summary', text: line.summary }) : null))),
      h('p', {}, h('a', { href: '#/cart' }, 'Change the cart'))),
    form);
}
