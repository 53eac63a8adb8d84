// The catalog status page for catalog administrators and IT staff: every catalog file, live or
// refused, its problems by line, the version live now and its drafts.
import { api } from '../api.js';
import { h, replace, pageHeading, notice } from '../dom.js';
import { problemsList } from '../problems_view.js';

function when(ms) {
  return ms ? new Date(ms).toLocaleString() : '';
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
      ? [h('h3', { text: `Problems (${file.problems.length})` }), problemsList(file.problems, file.path)]
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
  const refused = files.filter((f) => !f.ok).length;
  replace(main, pageHeading('Catalog status'),
    h('p', { class: 'lead', text: `${files.length} file(s) in ${(status.folders || []).join(', ')}; ${refused} refused.` }),
    h('ul', { class: 'card-list' }, files.map(fileCard)));
}
