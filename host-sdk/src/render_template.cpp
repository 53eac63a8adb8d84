// Fills `{name}` placeholders of notification subjects and bodies.
#include "servicedesk/forms/form.hpp"

namespace servicedesk {

std::string render_template(std::string_view text,
                            const std::map<std::string, std::string>& values) {
  std::string out;
  out.reserve(text.size() + 64);
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t open = text.find('{', i);
    if (open == std::string_view::npos) break;
    const std::size_t close = text.find('}', open + 1);
    if (close == std::string_view::npos) break;
    out.append(text.substr(i, open - i));
    const std::string name(text.substr(open + 1, close - open - 1));
    auto it = values.find(name);
    if (it != values.end()) {
      out += it->second;
      i = close + 1;
    } else {
      // Not ours: keep the brace and look for a placeholder after it.
      out += '{';
      i = open + 1;
    }
  }
  out.append(text.substr(i));
  return out;
}

}  // namespace servicedesk
