// A draft catalog item (catalog-items/drafts/) for catalog administrators: filled in and checked
// live like the real form, its problems by line, and never orderable.
import { api, seg } from '../api.js';
import { h, replace, pageHeading, notice, debounce } from '../dom.js';
import { FormView } from '../form_view.js';
import { problemsList } from '../problems_view.js';

/** Draws the draft of item `id`. */
export async function render(main, [id]) {
  let draft;
  try {
    draft = await api('GET', `/api/catalog/drafts/${seg(id)}`);
  } catch (error) {
    if (error.status !== 403 && error.status !== 404) throw error;
    replace(main, pageHeading(error.status === 403 ? 'Drafts are for catalog administrators' : 'Draft not found'),
      notice('error', h('p', { text: error.message })),
      h('p', {}, h('a', { href: '#/' }, 'Back to the catalog')));
    return;
  }
  const form = draft.form;
  let sequence = 0;
  async function evaluateNow() {
    const mine = ++sequence;
    try {
      const result = await api('POST', `/api/catalog/items/${seg(id)}/evaluate`, { answers: view.answers, draft: true });
      if (mine === sequence) view.setEvaluation(result);
    } catch {
      /* evaluation only guides */
    }
  }
  const evaluateSoon = debounce(evaluateNow, 300);
  const view = new FormView({
    fields: form.fields || [],
    onChange: (immediate) => { if (immediate) { evaluateSoon.cancel(); evaluateNow(); } else evaluateSoon(); },
  });
  await evaluateNow();

  const checkButton = h('button', { type: 'submit', class: 'button button-secondary' }, 'Show every error');
  const element = h('form', { class: 'item-form stack', novalidate: true, 'aria-labelledby': 'item-heading' },
    h('p', { class: 'required-note' }, 'Fields marked ', h('span', { 'aria-hidden': 'true', text: '*' }),
      h('span', { class: 'visually-hidden', text: 'with an asterisk' }), ' are required.'),
    view.element, h('div', { class: 'actions' }, checkButton));
  element.addEventListener('submit', async (event) => {
    event.preventDefault();
    evaluateSoon.cancel();
    await evaluateNow();
    view.markSubmitted();
    view.focusFirstError();
  });

  const problems = draft.problems || [];
  replace(main,
    h('nav', { 'aria-label': 'Breadcrumb', class: 'breadcrumb' },
      h('ol', {}, h('li', {}, h('a', { href: '#/' }, 'Service Catalog')),
        h('li', {}, h('span', { 'aria-current': 'page', text: `Draft: ${form.name}` })))),
    h('section', { class: 'draft-banner', 'aria-label': 'Draft' },
      h('p', { class: 'draft-badge', text: 'Draft' }),
      h('p', {}, h('strong', { text: 'Only catalog administrators see this draft. ' }),
        'Requesters do not see it in the catalog. You can fill it in to check its fields, choices and messages, ',
        'but a draft can never be added to a cart or checked out.'),
      h('p', {}, `File: ${draft.path || ''}. To publish it, move the file from drafts/ into the catalog folder; `
        + 'the host notices the move and serves it.'),
      draft.replaces_live
        ? h('p', { text: 'Publishing it replaces the live form of this item, which stays as it is until then.' })
        : null),
    h('h1', { id: 'item-heading', tabindex: '-1', class: 'page-heading', text: form.name }),
    form.description ? h('p', { class: 'lead', text: form.description }) : null,
    h('h2', { text: problems.length ? `Problems in this draft (${problems.length})` : 'Problems in this draft' }),
    problems.length ? problemsList(problems) : h('p', { text: 'None: the host found no problem when it loaded this draft.' }),
    h('h2', { text: 'Try the form' }),
    element);
}
