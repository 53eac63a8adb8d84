// The `{name}` placeholders of YAML texts (notifications, summary templates) and their check.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace servicedesk::forms {

/// Placeholders a text may use: the fixed `names`, and `answers.<id>` for each of `fields`.
struct PlaceholderSet {
  std::vector<std::string_view> names;
  std::vector<std::string> fields;  ///< top-level field ids of the form
  /// "{request.number}, ..., {answers.<field id>}" for messages.
  std::string expected() const;
  bool allows(std::string_view name) const;
};

/// Calls `report(offset, name)` for each `{name}` of `text` that `set` does not allow. Braces
/// around text with a space, a newline or another brace are not placeholders.
void check_placeholders(std::string_view text, const PlaceholderSet& set,
                        const std::function<void(std::size_t, std::string_view)>& report);

}  // namespace servicedesk::forms
