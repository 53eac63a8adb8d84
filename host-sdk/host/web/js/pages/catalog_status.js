// The catalog status page for catalog administrators and IT staff: every catalog file, live or
// refused, its problems by line, the version live now and its drafts.
import { api } from '../api.js';
import { h, replace, pageHeading, notice } from '../dom.js';
import { problemsList } from '../problems_view.js';

function when(ms) {
  return ms ? new Date(ms).toLocaleString() : '';
}

function count(n, what) {
  return n === 1 ? `1 ${what}` : `${n} ${what}s`;
}

function stateOf(file) {
  if (file.draft) return file.ok ? 'Draft, loaded' : 'Draft, refused';
  if (file.ok) return 'Live';
  return file.live ? 'Refused; the last good version stays live' : 'Refused; not offered';
}

function fileCard(file) {
  const version = file.live_version;
  return h('li', { class: `card status-file ${file.ok ? 'status-ok' : 'status-refused'}`, 'data-path': file.path },
    h('h2', { class: 'card-title' }, h('code', { text: file.path })),
    h('p', { class: 'status-state', text: stateOf(file) }),
    h('dl', { class: 'facts' },
      h('dt', { text: 'Item' }), h('dd', { text: file.item || '(none loaded)' }),
      h('dt', { text: file.draft ? 'Draft version' : 'Version live now' }),
      h('dd', {}, version ? [h('code', { text: version.content_hash }), `, loaded ${when(version.loaded_at_ms)}`] : 'none'),
      file.draft ? null : h('dt', { text: 'Drafts' }),
      file.draft ? null : h('dd', { text: (file.drafts || []).length ? file.drafts.join(', ') : 'none' })),
    (file.problems || []).length
      ? [h('h3', { class: 'problems-heading', text: `Problems (${file.problems.length})` }), problemsList(file.problems)]
      : h('p', { class: 'card-meta', text: 'No problems.' }));
}

/** Draws the status of every catalog file. */
export async function render(main) {
  let status;
  try {
    status = await api('GET', '/api/admin/catalog');
  } catch (error) {
    if (error.status !== 403) throw error;
    replace(main, pageHeading('Catalog status'), notice('error', h('p', { text: error.message })));
    return;
  }
  const files = status.files || [];
  const live = files.filter((f) => !f.draft);
  const drafts = files.filter((f) => f.draft);
  const refused = files.filter((f) => !f.ok).length;
  replace(main, pageHeading('Catalog status'),
    h('p', { class: 'lead', text: `${count(live.length, 'form')} and ${count(drafts.length, 'draft')} in `
      + `${(status.folders || []).join(', ')}; ${refused} refused.` }),
    h('h2', { text: 'Forms' }),
    live.length ? h('ul', { class: 'card-list' }, live.map(fileCard)) : h('p', { text: 'No form files.' }),
    h('h2', { text: 'Drafts (never offered to requesters)' }),
    drafts.length ? h('ul', { class: 'card-list' }, drafts.map(fileCard))
      : h('p', { text: 'No drafts: a form in a drafts/ folder of the catalog shows here.' }));
}
