// Article steps 4 to 9: one catalog item's form, drawn from its form JSON, checked by /evaluate.
import { api, seg } from '../api.js';
import { h, replace, pageHeading, notice, debounce, announce } from '../dom.js';
import { FormView } from '../form_view.js';

/** Draws item `id`; "Add to Cart" goes to the cart, "Proceed to Checkout" to checkout. */
export async function render(main, [id], { navigate, refreshCartCount }) {
  let form;
  try {
    form = await api('GET', `/api/catalog/items/${seg(id)}`);
  } catch (error) {
    if (error.status !== 403 && error.status !== 404) throw error;
    replace(main, pageHeading(error.status === 403 ? 'You cannot order this item' : 'Item not found'),
      notice('error', h('p', { text: error.status === 403
        ? 'This catalog item is not available to you. Contact the IT Help Desk if you think you need it.'
        : 'There is no catalog item at this address.' })),
      h('p', {}, h('a', { href: '#/' }, 'Back to the catalog')));
    return;
  }

  let sequence = 0;
  async function evaluateNow() {
    const mine = ++sequence;
    try {
      const result = await api('POST', `/api/catalog/items/${seg(id)}/evaluate`, { answers: view.answers });
      if (mine === sequence) view.setEvaluation(result);
    } catch {
      /* evaluation only guides; the server checks again on submit */
    }
  }
  const evaluateSoon = debounce(evaluateNow, 300);
  const view = new FormView({
    fields: form.fields || [],
    onChange: (immediate) => {
      guardSlot.replaceChildren();
      if (immediate) { evaluateSoon.cancel(); evaluateNow(); } else evaluateSoon();
    },
  });
  const guardSlot = h('div', { class: 'guard-slot', tabindex: '-1' });
  await evaluateNow();

  const addButton = h('button', { type: 'submit', class: 'button button-secondary', value: 'cart' }, 'Add to Cart');
  const proceedButton = h('button', { type: 'submit', class: 'button button-primary', value: 'checkout' }, 'Proceed to Checkout');
  const element = h('form', { class: 'item-form stack', novalidate: true, 'aria-labelledby': 'item-heading' },
    h('p', { class: 'required-note' }, 'Fields marked ', h('span', { 'aria-hidden': 'true', text: '*' }),
      h('span', { class: 'visually-hidden', text: 'with an asterisk' }), ' are required.'),
    view.element, guardSlot, h('div', { class: 'actions' }, addButton, proceedButton));

  element.addEventListener('submit', async (event) => {
    event.preventDefault();
    const target = event.submitter && event.submitter.value === 'cart' ? '#/cart' : '#/checkout';
    evaluateSoon.cancel();
    addButton.disabled = true;
    proceedButton.disabled = true;
    try {
      const created = await api('POST', '/api/cart/items', { item: id, answers: view.answers });
      announce(`${form.name} added to your cart.`);
      if (created && created.line) sessionStorage.setItem('servicedesk.lastLine', JSON.stringify(created.line));
      refreshCartCount();
      navigate(target);
    } catch (error) {
      // A fresh evaluation first, so no error from before the last keystroke lingers.
      await evaluateNow();
      if (error.status === 422) {
        view.setServerErrors(error.body.errors || {});
        if (!view.focusFirstError()) guardSlot.focus();
      } else {
        // 409 is the checkout guard ("not able to submit other requests along with ...").
        replace(guardSlot, notice('error', h('p', { class: 'guard-message', text: error.message })),
          error.status === 409 ? h('p', {}, h('a', { href: '#/cart' }, 'View your cart')) : null);
        view.markSubmitted();
        guardSlot.focus();
      }
    } finally {
      addButton.disabled = false;
      proceedButton.disabled = false;
    }
  });

  replace(main,
    h('nav', { 'aria-label': 'Breadcrumb', class: 'breadcrumb' },
      h('ol', {}, h('li', {}, h('a', { href: '#/' }, 'Service Catalog')),
        form.category ? h('li', {}, h('a', { href: `#/category/${seg(form.category)}` }, form.category)) : null,
        h('li', {}, h('span', { 'aria-current': 'page', text: form.name })))),
    h('h1', { id: 'item-heading', tabindex: '-1', class: 'page-heading', text: form.name }),
    form.description ? h('p', { class: 'lead', text: form.description }) : null,
    element);
}
