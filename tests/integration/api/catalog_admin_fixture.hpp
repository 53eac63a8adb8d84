// One real host per suite on a copy of the shipped catalog with drafts in `drafts/`: the DUO
// form with a changed label, a draft-only item, and a draft that does not load.
#pragma once

#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "api_fixture.hpp"

namespace servicedesk::test {

inline constexpr const char* kLiveAccountLabel = "User or account";
inline constexpr const char* kDraftAccountLabel = "Whose Duo account (draft wording)";
/// The line of `mandatry` in the broken draft.
inline constexpr int kBrokenLine = 8;
/// The line of the `mandatory: true` swallowed by a help text in the desk-phone draft.
inline constexpr int kSwallowedLine = 11;

/// A YAML-only item a DITC or anyone may order: one mandatory text field `reason`.
inline std::string yaml_only_form(const std::string& id, const std::string& name) {
  return "id: " + id + "\nname: " + name +
         "\ncategory: Hardware\ndescription: Borrow one for a while.\nyaml_only: true\n"
         "fields:\n  - { id: reason, type: text, label: Reason, mandatory: true }\n";
}

/// Writes `text` beside `file` and renames it over, as the docs recommend.
inline void write_atomically(const std::filesystem::path& file, const std::string& text) {
  const auto temporary = file.parent_path() / ("." + file.filename().string() + ".tmp");
  std::ofstream(temporary, std::ios::trunc) << text;
  std::filesystem::rename(temporary, file);
}

/// The item ids of a GET /api/catalog reply, by category then name.
inline std::vector<std::string> item_ids(const Reply& catalog) {
  std::vector<std::string> ids;
  for (const auto& category : catalog.json["categories"])
    for (const auto& item : category["items"]) ids.push_back(item["id"]);
  return ids;
}

class CatalogAdminTest : public SuiteHostTest {
 protected:
  static void SetUpTestSuite() {
    std::filesystem::copy(SERVICEDESK_CATALOG_DIR, catalog());
    std::filesystem::create_directories(catalog() / "drafts");
    std::string duo = read_file(catalog() / "duo-account-updates.yaml");
    const std::string from = std::string("label: ") + kLiveAccountLabel;
    duo.replace(duo.find(from), from.size(), std::string("label: ") + kDraftAccountLabel);
    std::ofstream(catalog() / "drafts" / "duo-account-updates.yaml") << duo;
    std::ofstream(catalog() / "drafts" / "loaner-laptop.yaml")
        << yaml_only_form("loaner-laptop", "Loaner laptop");
    std::ofstream(catalog() / "drafts" / "broken.yaml")
        << "id: broken\nname: Broken\ncategory: Hardware\ndescription: Not yet.\n"
           "yaml_only: true\nfields:\n  - id: reason\n    mandatry: true\n    type: text\n";
    // `mandatory: true` swallowed by the help text (line 11): loads, with a warning.
    std::ofstream(catalog() / "drafts" / "desk-phone.yaml")
        << "id: desk-phone\nname: Desk phone\ncategory: Hardware\ndescription: A phone.\n"
           "yaml_only: true\nfields:\n  - id: reason\n    type: text\n    help: >-\n"
           "      Why you need it.\n      mandatory: true\n";
    start_host({"--catalog-dir", catalog().string()});
  }
  static std::filesystem::path catalog() { return folder() / "catalog"; }
};

}  // namespace servicedesk::test
