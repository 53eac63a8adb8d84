// `lint` and `test` with drafts: lint checks each draft and says it is one; `test` runs a
// draft's cases only when given its drafts folder, against the draft.
#include <fstream>

#include "catalog_admin_fixture.hpp"
#include "command.hpp"

namespace servicedesk::test {
namespace {

class DraftsCli : public ::testing::Test {
 protected:
  void SetUp() override {
    ::setenv("LSAN_OPTIONS", "use_tls=0", 1);  // see HostCliTest.LintPassesShippedCatalog...
    std::filesystem::copy(SERVICEDESK_CATALOG_DIR, catalog_);
    std::filesystem::create_directories(catalog_ / "drafts");
  }
  void TearDown() override { ::unsetenv("LSAN_OPTIONS"); }
  CommandResult host(const std::string& arguments) {
    return run_host_command("--data-dir " + (dir_.path() / "data").string() + " " + arguments +
                            " 2>&1");
  }
  TempDir dir_;
  const std::filesystem::path catalog_ = dir_.path() / "catalog";
};

TEST_F(DraftsCli, LintChecksDraftsAndSaysTheyAreDrafts) {
  std::ofstream(catalog_ / "drafts" / "loaner-laptop.yaml")
      << yaml_only_form("loaner-laptop", "Loaner laptop");
  const auto clean = host("lint " + catalog_.string());
  EXPECT_EQ(clean.exit_code, 0) << clean.output;
  EXPECT_NE(clean.output.find("lint: " + (catalog_ / "drafts" / "loaner-laptop.yaml").string() +
                              " is a draft: checked, never offered to requesters (publish it by "
                              "moving it to " +
                              catalog_.string() + ")"),
            std::string::npos)
      << clean.output;
  EXPECT_NE(clean.output.find("3 files checked, no problems found"), std::string::npos)
      << clean.output;

  std::ofstream(catalog_ / "drafts" / "broken.yaml")
      << "id: broken\nname: Broken\ncategory: Hardware\ndescription: Not yet.\n"
         "yaml_only: true\nfields:\n  - id: reason\n    mandatry: true\n    type: text\n";
  const auto broken = host("lint --format json " + catalog_.string());
  EXPECT_EQ(broken.exit_code, 1) << broken.output;
  const auto json = nlohmann::json::parse(broken.output.substr(broken.output.find('{')));
  EXPECT_EQ(json["drafts"].size(), 2u);
  ASSERT_EQ(json["problems"].size(), 1u) << broken.output;
  EXPECT_EQ(json["problems"][0]["file"], (catalog_ / "drafts" / "broken.yaml").string());
  EXPECT_EQ(json["problems"][0]["line"], kBrokenLine);
}

TEST_F(DraftsCli, ADraftAloneIsNoFormOfItsItem) {
  std::filesystem::rename(catalog_ / "duo-account-updates.yaml",
                          catalog_ / "drafts" / "duo-account-updates.yaml");
  const auto lint = host("lint " + catalog_.string());
  EXPECT_EQ(lint.exit_code, 1) << lint.output;
  EXPECT_NE(lint.output.find("item 'duo-account-updates' of plugin 'duo-account-updates' has no "
                             "form: expected this file in the catalog folder"),
            std::string::npos)
      << lint.output;
}

TEST_F(DraftsCli, TestRunsADraftsCasesAgainstTheDraftWhenGivenItsFolder) {
  // A draft of the DUO form where Remove is offered to persons too: its cases fail against it.
  std::string duo = read_file(catalog_ / "duo-account-updates.yaml");
  const std::string condition = R"(, visible_when: "account.kind == 'administrative'" })";
  ASSERT_NE(duo.find(condition), std::string::npos);
  duo.replace(duo.find(condition), condition.size(), " }");
  std::ofstream(catalog_ / "drafts" / "duo-account-updates.yaml") << duo;
  std::filesystem::copy(catalog_ / "duo-account-updates.tests.yaml", catalog_ / "drafts");
  // The catalog folder's cases run against the live form, untouched by the draft.
  const auto live = host("test " + catalog_.string());
  EXPECT_EQ(live.exit_code, 0) << live.output;
  const auto draft = host("test " + (catalog_ / "drafts").string());
  EXPECT_EQ(draft.exit_code, 1) << draft.output;
  EXPECT_NE(draft.output.find("case 'a person's account is offered Add and Update': expected "
                              "choices at 'request_type': \"add\", \"update\", got \"add\", "
                              "\"update\", \"remove\""),
            std::string::npos)
      << draft.output;
}

}  // namespace
}  // namespace servicedesk::test
