// Turns item ids from cart lines and requests into the names people see in the catalog.
import { api } from './api.js';

/** Map of item id -> item name for the catalog items this person may order. */
export async function itemNames() {
  const names = new Map();
  try {
    const data = await api('GET', '/api/catalog');
    for (const category of (data && data.categories) || []) {
      for (const item of category.items || []) names.set(item.id, item.name);
    }
  } catch {
    /* ids are shown instead */
  }
  return names;
}

/** The display text for an item reference that may be an id, a name or an object. */
export function itemName(ref, names) {
  if (ref && typeof ref === 'object') return ref.name || names.get(ref.id) || ref.id || '';
  return names.get(ref) || String(ref ?? '');
}

/** The name of the item a cart line, requested item or queue entry refers to. */
export function nameOfEntry(entry, names) {
  return entry.item_name || itemName(entry.item, names);
}

/** A person reference (username string or `{username, display_name}`) as text. */
export function personName(ref) {
  if (!ref) return '';
  if (typeof ref === 'string') return ref;
  if (ref.display_name && ref.username) return `${ref.display_name} (${ref.username})`;
  return ref.display_name || ref.name || ref.username || '';
}
