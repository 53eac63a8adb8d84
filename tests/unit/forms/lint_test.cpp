// lint_paths: compiler-style output, a summary line, and the exit code.
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "catalog/lint.hpp"
#include "test_catalog.hpp"

namespace servicedesk::forms_test {
namespace {

TEST(Lint, CleanFolderExitsZeroWithASummary) {
  TestCatalog catalog;
  std::ostringstream out;
  EXPECT_EQ(host::lint_paths({data_path("golden")}, catalog, out), 0);
  EXPECT_EQ(out.str(), "lint: 1 file checked, no problems found\n");
}

TEST(Lint, BrokenFilePrintsFileLineColumnAndExitsOne) {
  TestCatalog catalog;
  std::ostringstream out;
  const auto file = data_path("broken/unknown_type.yaml");
  EXPECT_EQ(host::lint_paths({data_path("golden/accounts.yaml"), file}, catalog, out), 1);
  const std::string text = out.str();
  EXPECT_NE(text.find(file.string() + ":6:11: unknown field type 'phon'"), std::string::npos)
      << text;
  EXPECT_NE(text.find("lint: 2 files checked, 1 problem in 1 file\n"), std::string::npos) << text;
}

TEST(Lint, ItemNoPluginRegisteredAndRegisteredItemWithoutFormAreReported) {
  TestCatalog catalog;
  catalog.add_item({"absent", "absent.yaml", "forms-test"});
  const auto folder = make_temp_dir("lint");
  std::filesystem::copy_file(data_path("golden/accounts.yaml"), folder / "accounts.yaml");
  std::ofstream(folder / "stray.yaml")
      << "id: stray\nname: Stray\ncategory: Tests\nfields:\n  - { id: note, type: text }\n";
  std::ostringstream out;
  EXPECT_EQ(host::lint_paths({folder}, catalog, out), 1);
  const std::string text = out.str();
  std::filesystem::remove_all(folder);
  EXPECT_NE(text.find((folder / "stray.yaml").string() +
                      ":1:5: item id 'stray' is not registered by any loaded plugin"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find((folder / "absent.yaml").string() +
                      ":1:1: item 'absent' of plugin 'forms-test' has no form"),
            std::string::npos)
      << text;
}

TEST(Lint, WholeBrokenCorpusFails) {
  TestCatalog catalog;
  std::ostringstream out;
  EXPECT_EQ(host::lint_paths({data_path("broken")}, catalog, out), 1);
  EXPECT_NE(out.str().find("files checked"), std::string::npos);
}

}  // namespace
}  // namespace servicedesk::forms_test
