// What the use cases need from the catalog: the live forms and the files' load status.
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "servicedesk/forms/form.hpp"

namespace servicedesk::host {

/// The live catalog as the use cases see it. The app adapts the hot-reloading form
/// repository to this, so no use case depends on how forms are loaded.
class ItemSource {
 public:
  virtual ~ItemSource() = default;
  /// Every live form.
  virtual std::vector<std::shared_ptr<const Form>> forms() const = 0;
  /// The live form of `item_id`, or nullptr.
  virtual std::shared_ptr<const Form> find(std::string_view item_id) const = 0;
  /// `{folder, folders, files:[{file, path, item, draft, ok, live, errors, problems,
  /// live_version?, drafts}]}` for the catalog status endpoint (see docs/architecture.md).
  virtual nlohmann::json status() const = 0;
  /// The draft of `item_id` (a `drafts/` folder's form), or nullptr; never orderable.
  virtual std::shared_ptr<const Form> find_draft(std::string_view item_id) const {
    (void)item_id;
    return nullptr;
  }
  /// When the live form of `item_id` was loaded (ms since the epoch); 0 when unknown.
  virtual std::int64_t loaded_at_ms(std::string_view item_id) const {
    (void)item_id;
    return 0;
  }
  /// Whether the item's plugin asked for it to be fulfilled at checkout (SDK 2.2).
  virtual bool fulfils_at_checkout(std::string_view item_id) const {
    (void)item_id;
    return false;
  }
};

}  // namespace servicedesk::host
