// Silent mistakes a new catalog administrator made, each of which once passed `lint` with "no
// problems found": now each is reported at its line, through the real host and plugins.
#include <fstream>

#include "api_fixture.hpp"
#include "command.hpp"

namespace servicedesk::test {
namespace {

class GuardRails : public ::testing::Test {
 protected:
  void SetUp() override {
    ::setenv("LSAN_OPTIONS", "use_tls=0", 1);  // see HostCliTest.LintPassesShippedCatalog...
    std::filesystem::copy(SERVICEDESK_CATALOG_DIR, catalog_);
  }
  void TearDown() override { ::unsetenv("LSAN_OPTIONS"); }

  /// Rewrites the DUO form with `from` replaced by `to`; returns the 1-based line of `to`.
  int edit_duo(const std::string& from, const std::string& to) {
    std::string text = read_file(duo_);
    const auto at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    if (at == std::string::npos) return 0;
    text.replace(at, from.size(), to);
    std::ofstream(duo_, std::ios::trunc) << text;
    return 1 +
           static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
  }
  CommandResult host(const std::string& arguments) {
    return run_host_command("--data-dir " + (dir_.path() / "data").string() + " " + arguments);
  }
  CommandResult lint_file(const std::string& yaml) {
    const auto file = dir_.path() / "form.yaml";
    std::ofstream(file, std::ios::trunc) << yaml;
    return host("lint " + file.string());
  }
  std::string at(int line, int column) const {
    return duo_.string() + ":" + std::to_string(line) + ":" + std::to_string(column) + ": ";
  }

  TempDir dir_;
  const std::filesystem::path catalog_ = dir_.path() / "catalog";
  const std::filesystem::path duo_ = catalog_ / "duo-account-updates.yaml";
};

TEST_F(GuardRails, MandatorySwallowedByTheHelpTextIsReportedAndCaughtByTheCases) {
  // `mandatory: true` indented like the help text instead of like `help`.
  const int line =
      edit_duo("      appropriate user/account from the search results.\n    mandatory: true\n",
               "      appropriate user/account from the search results.\n      mandatory: true\n");
  ASSERT_GT(line, 0);
  const auto lint = host("lint " + catalog_.string());
  EXPECT_NE(lint.output.find(at(line + 1, 7) +
                             "warning: 'mandatory: true' is part of the text of 'help', not a "
                             "key of the field"),
            std::string::npos)
      << lint.output;
  EXPECT_NE(lint.output.find("indent it like `help` (column 5)"), std::string::npos) << lint.output;
  EXPECT_NE(lint.output.find("1 warning"), std::string::npos) << lint.output;
  // The form's own cases catch what it does: the account is no longer required.
  const auto test = host("test " + catalog_.string());
  EXPECT_EQ(test.exit_code, 1) << test.output;
  EXPECT_NE(test.output.find("case 'the account and the request type are required': expected "
                             "errors at 'account': \"This field is required.\", got none"),
            std::string::npos)
      << test.output;
}

TEST_F(GuardRails, ConditionWithAValueTheChoiceDoesNotOfferIsAnError) {
  const int line =
      edit_duo(R"(request_type in ['add', 'update']")", R"(request_type in ['add', 'updaet']")");
  ASSERT_GT(line, 0);
  const auto lint = host("lint " + catalog_.string());
  EXPECT_EQ(lint.exit_code, 1) << lint.output;
  const int column =
      1 + static_cast<int>(std::string("    visible_when: \"account.kind == 'person' "
                                       "and request_type in ['add', '")
                               .size());
  EXPECT_NE(lint.output.find(at(line, column) +
                             "in condition 'visible_when': 'updaet' is not a value of the choice "
                             "field 'request_type' (did you mean 'update'?); it offers 'add', "
                             "'update', 'remove'"),
            std::string::npos)
      << lint.output;
}

TEST_F(GuardRails, UnknownRoleInAvailableForIsAnError) {
  const int line =
      edit_duo("available_for: { roles: [ditc] }", "available_for: { roles: [ditcs] }");
  const auto lint = host("lint " + catalog_.string());
  EXPECT_EQ(lint.exit_code, 1) << lint.output;
  EXPECT_NE(lint.output.find(at(line, 26) +
                             "unknown role 'ditcs' in available_for (did you mean 'ditc'?): nobody "
                             "holds it"),
            std::string::npos)
      << lint.output;
}

TEST_F(GuardRails, ShippedCatalogStillLintsClean) {
  const auto lint = host("lint " + catalog_.string());
  EXPECT_EQ(lint.exit_code, 0) << lint.output;
  EXPECT_NE(lint.output.find("no problems found"), std::string::npos) << lint.output;
}

TEST_F(GuardRails, ParserMessagesCarryAPlainHint) {
  auto lint = lint_file(
      "id: x\nname: X\ncategory: T\nfields:\n  - id: a\n    type: text\n"
      "    label: Note: this is wrong\n");
  EXPECT_NE(lint.output.find(":7:16: YAML syntax error: illegal map value; a ': ' inside unquoted "
                             "text; put the text in double quotes"),
            std::string::npos)
      << lint.output;
  lint = lint_file(
      "id: x\nname: X\ncategory: T\nfields:\n  - id: a\n    type: text\n"
      "    mandatroy: true\n");
  EXPECT_NE(lint.output.find(":7:5: unknown key 'mandatroy' in a text field (did you mean "
                             "'mandatory'?)"),
            std::string::npos)
      << lint.output;
  lint = lint_file(
      "id: x\nname: X\ncategory: T\nfields:\n  - id: a\n    type: text\n"
      "   - id: b\n    type: text\n");
  EXPECT_NE(lint.output.find("YAML syntax error: end of "), std::string::npos) << lint.output;
  EXPECT_NE(lint.output.find(":7:4: YAML syntax error: end of sequence not found; line 7 is a list "
                             "item at column 4, but the item above it (line 5) is at column 3"),
            std::string::npos)
      << lint.output;
}

TEST_F(GuardRails, RegularExpressionSyntaxThePatternCannotHonourIsRefusedWithTheReason) {
  auto lint = lint_file(
      "id: x\nname: X\ncategory: T\nfields:\n  - id: a\n    type: text\n"
      "    pattern: '^(?<year>[0-9]{4})$'\n");
  EXPECT_NE(lint.output.find(":7:16: in 'pattern': named groups ((?<name>...)) are not supported"),
            std::string::npos)
      << lint.output;
  lint = lint_file(
      "id: x\nname: X\ncategory: T\nfields:\n  - id: a\n    type: text\n"
      "    pattern: '^\\p{L}+$'\n");
  EXPECT_NE(lint.output.find(":7:16: in 'pattern': Unicode property classes (\\p{...}) are not "
                             "supported"),
            std::string::npos)
      << lint.output;
  lint = lint_file(
      "id: x\nname: X\ncategory: T\nfields:\n  - id: a\n    type: text\n"
      "    pattern: '^(?<!x)[a-z]+$'\n");
  EXPECT_NE(lint.output.find(":7:16: in 'pattern': lookbehind"), std::string::npos) << lint.output;
}

}  // namespace
}  // namespace servicedesk::test
