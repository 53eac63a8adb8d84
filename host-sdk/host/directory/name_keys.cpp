// Normalization of names and queries into comparable search keys.
#include "directory/name_keys.hpp"

namespace servicedesk::host {

std::string normalize_name(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (char c : text) {
    if (c == ' ' || c == ',' || c == '\t' || c == '\n' || c == '\r') {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  return out;
}

std::vector<std::string> name_forms(const DirectoryEntry& entry) {
  std::vector<std::string> forms;
  std::string written = normalize_name(entry.display_name);
  if (!written.empty()) forms.push_back(written);
  const auto comma = entry.display_name.find(',');
  if (comma != std::string::npos) {
    std::string swapped = normalize_name(std::string(entry.display_name.substr(comma + 1)) + " " +
                                         entry.display_name.substr(0, comma));
    if (!swapped.empty() && swapped != written) forms.push_back(std::move(swapped));
  }
  return forms;
}

}  // namespace servicedesk::host
