// What `pattern:` accepts: ECMAScript regular expressions without the parts std::regex lacks.
#include "regex_syntax.hpp"

namespace servicedesk::forms {

std::optional<RegexRefusal> unsupported_regex_syntax(std::string_view pattern) {
  bool in_class = false;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c == '\\' && i + 1 < pattern.size()) {
      const char escaped = pattern[i + 1];
      if (escaped == 'p' || escaped == 'P') {
        return RegexRefusal{i, std::string("Unicode property classes (\\") + escaped +
                                   "{...}) are not supported: they would match the letters "
                                   "themselves; list the characters instead, such as [A-Za-z]"};
      }
      ++i;  // an escaped character is never syntax
      continue;
    }
    if (in_class) {
      in_class = c != ']';
      continue;
    }
    if (c == '[') {
      in_class = true;
      // "[]...]" and "[^]...]": a first ']' is a literal.
      if (i + 1 < pattern.size() && pattern[i + 1] == '^') ++i;
      if (i + 1 < pattern.size() && pattern[i + 1] == ']') ++i;
      continue;
    }
    if (c != '(' || pattern.substr(i, 3) != "(?<") continue;
    if (pattern.substr(i, 4) == "(?<=" || pattern.substr(i, 4) == "(?<!") {
      return RegexRefusal{i,
                          "lookbehind ((?<=...) and (?<!...)) is not supported; anchor the "
                          "pattern with ^ and $ and describe the whole answer instead"};
    }
    return RegexRefusal{i,
                        "named groups ((?<name>...)) are not supported; use a plain group "
                        "(...) or a non-capturing one (?:...)"};
  }
  return std::nullopt;
}

}  // namespace servicedesk::forms
