// A directory-search combobox (WAI-ARIA 1.2 combobox with listbox popup) for person and account fields.
import { api } from './api.js';
import { h, debounce, uniqueId, announce } from './dom.js';

/** "Last, First — username — department", the text of one search result. */
export function resultText(result) {
  return [result.display_name, result.username, result.department]
    .filter((part) => part !== undefined && part !== null && part !== '')
    .join(' — ');
}

/** What the input shows once a result is chosen. */
function chosenText(result) {
  return `${result.display_name} (${result.username})`;
}

/** Usernames already seen, so a re-rendered field can show its chosen person again. */
const known = new Map();

/**
 * Builds the combobox. Options: `id` (input id), `kind` (search kind), `value` (username),
 * `describedBy`, `required`, `onChange(username)` when a result is chosen or the choice is
 * cleared, `onTouch()` when the user edits the text.
 */
export function createTypeahead({ id, kind, value, describedBy, required, onChange, onTouch }) {
  const listId = uniqueId(id, 'results');
  const input = h('input', {
    id,
    type: 'text',
    class: 'typeahead-input',
    role: 'combobox',
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': listId,
    'aria-describedby': describedBy,
    'aria-required': required ? 'true' : null,
  });
  const list = h('ul', { id: listId, role: 'listbox', class: 'typeahead-list', hidden: true });
  const status = h('p', { class: 'typeahead-status', hidden: true });
  const root = h('div', { class: 'typeahead' }, input, list, status);

  let results = [];
  let active = -1;
  let chosen = value || '';
  let lastQuery = '';
  let requestSeq = 0;

  if (chosen) input.value = known.has(chosen) ? chosenText(known.get(chosen)) : chosen;

  function open() {
    list.hidden = results.length === 0;
    input.setAttribute('aria-expanded', String(!list.hidden));
  }

  function close() {
    list.hidden = true;
    active = -1;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  }

  function setActive(index) {
    active = index;
    [...list.children].forEach((li, i) => {
      li.setAttribute('aria-selected', String(i === index));
      li.classList.toggle('active', i === index);
    });
    if (index >= 0 && list.children[index]) {
      input.setAttribute('aria-activedescendant', list.children[index].id);
      list.children[index].scrollIntoView({ block: 'nearest' });
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  }

  function choose(index) {
    const result = results[index];
    if (!result) return;
    known.set(result.username, result);
    chosen = result.username;
    input.value = chosenText(result);
    close();
    status.hidden = true;
    announce(`${resultText(result)} selected.`);
    onChange(chosen);
  }

  function showResults(found) {
    results = found;
    list.replaceChildren(...found.map((result, i) => h('li', {
      id: `${listId}-${i}`,
      role: 'option',
      class: 'typeahead-option',
      'aria-selected': 'false',
      // mousedown keeps focus in the input; click alone would blur first.
      onmousedown: (event) => { event.preventDefault(); choose(i); },
    }, resultText(result))));
    status.hidden = found.length !== 0;
    status.textContent = found.length === 0 ? 'No matches. Try a last name, first name or username.' : '';
    open();
    setActive(-1);
    announce(found.length === 0 ? 'No matches.'
      : `${found.length} result${found.length === 1 ? '' : 's'}. Use the arrow keys to choose.`);
  }

  const search = debounce(async () => {
    const query = input.value.trim();
    if (query.length < 2) { results = []; close(); status.hidden = true; return; }
    if (query === lastQuery && results.length) { open(); return; }
    lastQuery = query;
    const seq = ++requestSeq;
    try {
      const data = await api('GET',
        `/api/directory/search?q=${encodeURIComponent(query)}&kind=${encodeURIComponent(kind || 'any')}`);
      if (seq !== requestSeq) return; // a newer search is under way
      showResults((data && data.results) || []);
    } catch (error) {
      if (seq !== requestSeq) return;
      results = [];
      close();
      status.hidden = false;
      status.textContent = error.message;
    }
  }, 250);

  input.addEventListener('input', () => {
    if (chosen) { chosen = ''; onChange(''); }
    onTouch();
    search();
  });

  input.addEventListener('keydown', (event) => {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (list.hidden) { if (results.length) { open(); setActive(0); } else search(); }
        else setActive(Math.min(active + 1, results.length - 1));
        break;
      case 'ArrowUp':
        event.preventDefault();
        if (!list.hidden) setActive(Math.max(active - 1, 0));
        break;
      case 'Enter':
        if (!list.hidden && active >= 0) { event.preventDefault(); choose(active); }
        break;
      case 'Escape':
        if (!list.hidden) { event.preventDefault(); close(); }
        else if (input.value && !chosen) { input.value = ''; }
        break;
      case 'Tab':
        close();
        break;
      default:
        break;
    }
  });

  input.addEventListener('blur', () => { search.cancel(); close(); });

  return {
    root,
    input,
    /** Marks the input invalid for assistive technology and styling. */
    setInvalid(invalid) { input.setAttribute('aria-invalid', String(Boolean(invalid))); },
    setReadOnly(readOnly) { input.readOnly = Boolean(readOnly); },
    setRequired(req) { input.setAttribute('aria-required', String(Boolean(req))); },
    /** True when text was typed but no search result was chosen. */
    hasUnchosenText() { return !chosen && input.value.trim() !== ''; },
  };
}
