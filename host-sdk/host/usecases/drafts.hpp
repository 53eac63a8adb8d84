// Drafts: forms in a catalog folder's `drafts/`, previewed by catalog administrators only and
// never offered to requesters, added to a cart or checked out.
#pragma once

#include <string_view>

#include "usecases/catalog_admin.hpp"

namespace servicedesk::host {

/// Only catalog administrators see drafts; anyone else is refused (forbidden).
Outcome may_preview_drafts(const Requester& requester);

/// `{drafts:[{item, name, category, description, path, ok, loaded, replaces_live, problems}]}`:
/// every file of the `drafts/` folders, loaded or refused, with its problems by line.
CatalogRead list_drafts(const Desk& desk, const Requester& requester);

/// `{form, path, ok, replaces_live, problems}` for the draft of `item_id`: its form JSON as
/// the portal draws it (with `"draft": true`), and its problems by line. not_found when no
/// draft of that item loaded.
CatalogRead draft_view(const Desk& desk, const Requester& requester, std::string_view item_id);

}  // namespace servicedesk::host
