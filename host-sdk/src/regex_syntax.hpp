// What `pattern:` accepts: ECMAScript regular expressions without the parts std::regex lacks.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace servicedesk::forms {

/// Why `pattern` uses syntax the engine (std::regex, ECMAScript grammar) cannot honour, with
/// its 0-based offset, or nullopt. Named groups and lookbehind are refused by std::regex
/// with a cryptic message; `\p{...}` would silently match the letters "p{...}".
struct RegexRefusal {
  std::size_t offset = 0;
  std::string reason;
};
std::optional<RegexRefusal> unsupported_regex_syntax(std::string_view pattern);

}  // namespace servicedesk::forms
