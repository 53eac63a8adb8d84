// Checks the `{name}` placeholders of YAML texts against what the form offers.
#include "placeholders.hpp"

#include <algorithm>

namespace servicedesk::forms {

namespace {
constexpr std::string_view kAnswersPrefix = "answers.";
}  // namespace

std::string PlaceholderSet::expected() const {
  std::vector<std::string_view> all = names;
  if (!fields.empty()) all.push_back("answers.<field id>");
  std::string out;
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (i > 0) out += i + 1 == all.size() ? " or " : ", ";
    out += all[i];
  }
  return out;
}

bool PlaceholderSet::allows(std::string_view name) const {
  if (std::find(names.begin(), names.end(), name) != names.end()) return true;
  if (name.substr(0, kAnswersPrefix.size()) != kAnswersPrefix) return false;
  const std::string_view id = name.substr(kAnswersPrefix.size());
  return std::find(fields.begin(), fields.end(), id) != fields.end();
}

void check_placeholders(std::string_view text, const PlaceholderSet& set,
                        const std::function<void(std::size_t, std::string_view)>& report) {
  for (std::size_t open = text.find('{'); open != std::string_view::npos;
       open = text.find('{', open + 1)) {
    const std::size_t close = text.find('}', open + 1);
    if (close == std::string_view::npos) return;
    const std::string_view name = text.substr(open + 1, close - open - 1);
    if (name.find_first_of(" \n{") != std::string_view::npos)
      continue;  // not meant as a placeholder
    if (!set.allows(name)) report(open, name);
  }
}

}  // namespace servicedesk::forms
