// Builds DOM nodes from data without ever parsing HTML, so server text is always escaped.

/**
 * Creates an element. `attrs` keys: `class`, `text`, `on<Event>` (listener), boolean values
 * toggle the attribute, `null`/`undefined`/`false` are skipped; everything else is setAttribute.
 * Children may be nodes, strings (inserted as text) or arrays of either.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') el.className = value;
    else if (key === 'text') el.textContent = String(value);
    else if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2).toLowerCase(), value);
    } else if (value === true) el.setAttribute(key, '');
    else el.setAttribute(key, String(value));
  }
  append(el, children);
  return el;
}

/** Appends nodes or text; nested arrays are flattened and empty values ignored. */
export function append(parent, children) {
  for (const child of [children].flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

/** Replaces all children of `el`. */
export function replace(el, ...children) {
  el.replaceChildren();
  return append(el, children);
}

let idCounter = 0;
/** A document-unique id built from readable parts (paths like `members[0].user`). */
export function uniqueId(...parts) {
  idCounter += 1;
  const base = parts.join('-').replace(/[^A-Za-z0-9_-]+/g, '-').replace(/-+$/, '');
  return `${base}-${idCounter}`;
}

/** Calls `fn` once `ms` have passed without another call; `flush()` runs it now. */
export function debounce(fn, ms) {
  let timer = null;
  const debounced = (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => { timer = null; fn(...args); }, ms);
  };
  debounced.cancel = () => { clearTimeout(timer); timer = null; };
  return debounced;
}

/** Says `message` through the page's polite live region. */
export function announce(message) {
  const region = document.getElementById('announcer');
  if (!region) return;
  region.textContent = '';
  // A fresh text node after a tick makes screen readers repeat identical messages.
  setTimeout(() => { region.textContent = message; }, 50);
}

/** A page heading that receives focus after navigation. */
export function pageHeading(text) {
  return h('h1', { tabindex: '-1', class: 'page-heading', text });
}

/** A prominent message box; `role=alert` for problems, `status` for good news. */
export function notice(kind, ...children) {
  return h('div', { class: `notice notice-${kind}`, role: kind === 'error' ? 'alert' : 'status' },
    children);
}
