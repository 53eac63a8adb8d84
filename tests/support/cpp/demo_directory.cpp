// The demo directory of DESIGN.md for unit tests.
#include "demo_directory.hpp"

namespace servicedesk::testing {
namespace {

bool contains_ignoring_case(std::string_view text, std::string_view part) {
  const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; };
  if (part.size() > text.size()) return false;
  for (std::size_t i = 0; i + part.size() <= text.size(); ++i) {
    std::size_t j = 0;
    while (j < part.size() && lower(text[i + j]) == lower(part[j])) ++j;
    if (j == part.size()) return true;
  }
  return false;
}

}  // namespace

DemoDirectory::DemoDirectory() {
  const auto person = AccountKind::person;
  entries_ = {
      {"tuffytitan", "Titan, Tuffy", person, "Athletics", "tuffytitan@example.edu"},
      {"tessatitan", "Titan, Tessa", person, "Biology", "tessatitan@example.edu"},
      {"dcoordinator", "Coordinator, Dana", person, "IT", "dcoordinator@example.edu"},
      {"newhire", "Hire, Nova", person, "Athletics", "newhire@example.edu"},
      {"helpdesk", "Desk, Help", person, "IT", "helpdesk@example.edu"},
      {"athletics-admin", "Athletics Administrative Account", AccountKind::administrative,
       "Athletics", "athletics-admin@example.edu"},
  };
}

std::vector<const DirectoryEntry*> DemoDirectory::search(std::string_view query, KindFilter kind,
                                                         std::size_t limit) const {
  std::vector<const DirectoryEntry*> found;
  for (const DirectoryEntry& entry : entries_) {
    if (kind == KindFilter::person && entry.kind != AccountKind::person) continue;
    if (kind == KindFilter::administrative && entry.kind != AccountKind::administrative) continue;
    if (found.size() < limit && (contains_ignoring_case(entry.username, query) ||
                                 contains_ignoring_case(entry.display_name, query))) {
      found.push_back(&entry);
    }
  }
  return found;
}

const DirectoryEntry* DemoDirectory::find(std::string_view username) const {
  for (const DirectoryEntry& entry : entries_) {
    if (entry.username == username) return &entry;
  }
  return nullptr;
}

}  // namespace servicedesk::testing
