// What catalog administrators and IT staff read about the catalog: each file's status and the
// form versions requests were submitted with.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "usecases/desk.hpp"

namespace servicedesk::host {

/// Catalog administrators and IT staff (and the legacy `admin` role) may read the catalog's
/// status and versions; anyone else is refused (forbidden).
Outcome may_read_catalog_status(const Requester& requester);

/// A use case's JSON answer, or its refusal.
struct CatalogRead {
  Outcome outcome;
  nlohmann::json body;
};

/// Each catalog file, live or refused, its problems by line, the version live now and the
/// drafts of its item (ItemSource::status).
CatalogRead catalog_status(const Desk& desk, const Requester& requester);

/// The most versions one call lists, and the default.
inline constexpr std::size_t kMaxVersionsListed = 100;
inline constexpr std::size_t kDefaultVersionsListed = 50;

/// `{item, live:{content_hash, loaded_at_ms}|null, versions:[{content_hash, loaded_at_ms, items,
/// live}]}`: the versions of `item_id`'s form requests were submitted with on this host's
/// store, newest first, at most `limit` (1..100, default 50; else bad_input). An item with
/// neither a live form nor a recorded version is not_found.
CatalogRead form_versions(const Desk& desk, const Requester& requester, std::string_view item_id,
                          const std::optional<std::string>& limit);

}  // namespace servicedesk::host
