// The loader's guard rails against silent mistakes, each at its line: near-miss keys, choice
// values a condition compares with, regular-expression syntax std::regex cannot honour,
// keys swallowed by a text block, unknown roles, and the YAML parser's hints.
#include <gtest/gtest.h>

#include "servicedesk/forms/closest_name.hpp"
#include "servicedesk/forms/form.hpp"
#include "servicedesk/forms/form_checks.hpp"
#include "test_catalog.hpp"

namespace servicedesk::forms_test {
namespace {

const std::string kHead = "id: x\nname: X\ncategory: T\nfields:\n";

/// Every diagnostic of loading `yaml`, one per line.
std::string problems_of(const std::string& yaml) {
  TestCatalog catalog;
  std::string out;
  for (const auto& d : load_form_text(yaml, "form.yaml", catalog).diagnostics)
    out += d.to_string() + "\n";
  return out;
}

TEST(ClosestName, SuggestsANearMissOnly) {
  const std::vector<std::string_view> keys = {"mandatory", "mandatory_when", "label", "help"};
  EXPECT_EQ(closest_name("mandatroy", keys), "mandatory");
  EXPECT_EQ(closest_name("Mandatory", keys), "mandatory");
  EXPECT_EQ(closest_name("lable", keys), "label");
  EXPECT_EQ(closest_name("colour", keys), "");
  EXPECT_EQ(closest_name("help", keys), "");  // known: nothing to suggest
  EXPECT_EQ(did_you_mean("hepl", keys), " (did you mean 'help'?)");
}

TEST(GuardRails, ConditionComparingAChoiceWithAValueItDoesNotOfferIsRefused) {
  const std::string yaml = kHead +
                           "  - id: send_as\n    type: choice\n    choices:\n"
                           "      - { value: owners }\n      - { value: owners_and_lists }\n"
                           "  - id: note\n    type: text\n"
                           "    visible_when: \"send_as == 'owners_and_listd'\"\n";
  EXPECT_NE(problems_of(yaml).find(
                "form.yaml:12:32: in condition 'visible_when': 'owners_and_listd' is not a value "
                "of the choice field 'send_as' (did you mean 'owners_and_lists'?); it offers "
                "'owners', 'owners_and_lists'"),
            std::string::npos)
      << problems_of(yaml);
  // Lists and `!=` are checked the same way; offered values pass.
  std::string in_list = yaml;
  in_list.replace(in_list.find("send_as == 'owners_and_listd'"), 29,
                  "send_as not in ['owners', 'ownerz']");
  EXPECT_NE(problems_of(in_list).find("'ownerz' is not a value of the choice field 'send_as'"),
            std::string::npos)
      << problems_of(in_list);
  std::string fine = yaml;
  fine.replace(fine.find("send_as == 'owners_and_listd'"), 29, "'owners_and_lists' != send_as");
  EXPECT_EQ(problems_of(fine), "");
}

TEST(GuardRails, PatternSyntaxTheEngineCannotHonourIsRefusedWithTheReason) {
  auto pattern = [](const std::string& regex) {
    return problems_of(kHead + "  - id: a\n    type: text\n    pattern: '" + regex + "'\n");
  };
  EXPECT_NE(pattern("^(?<year>[0-9]{4})$").find("form.yaml:7:16: in 'pattern': named groups"),
            std::string::npos);
  EXPECT_NE(pattern("^(?<=a)b$").find("form.yaml:7:16: in 'pattern': lookbehind"),
            std::string::npos);
  EXPECT_NE(pattern("^\\p{L}+$").find("form.yaml:7:16: in 'pattern': Unicode property classes"),
            std::string::npos);
  // What std::regex does honour stays accepted: escapes, classes, lookahead, groups.
  EXPECT_EQ(pattern("^(?:[0-9]{4}|\\(x\\))(?=.).*$"), "");
  EXPECT_EQ(pattern("^[(?<]+$"), "");
}

TEST(GuardRails, KeySwallowedByAHelpBlockIsAWarningAtItsLine) {
  const std::string yaml = kHead +
                           "  - id: account\n    type: text\n    help: >-\n"
                           "      Type the name.\n      mandatory: true\n"
                           "  - id: other\n    type: text\n    help: |\n"
                           "      Note: this is prose, not a key.\n";
  TestCatalog catalog;
  ASSERT_TRUE(load_form_text(yaml, "form.yaml", catalog).ok()) << "the form itself is valid";
  const auto warnings = form_warnings(yaml, "form.yaml");
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_TRUE(is_warning(warnings[0]));
  EXPECT_EQ(warnings[0].line, 9);
  EXPECT_EQ(warnings[0].column, 7);
  EXPECT_NE(warnings[0].message.find("'mandatory: true' is part of the text of 'help'"),
            std::string::npos);
  EXPECT_NE(warnings[0].message.find("indent it like `help` (column 5)"), std::string::npos);
}

TEST(GuardRails, UnknownRoleIsReportedAtItsColumn) {
  const std::string yaml = "id: x\navailable_for: { roles: [ditc, it_stafff] }\n";
  const auto problems = unknown_roles(yaml, "form.yaml", {"ditc", "it_staff"});
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].to_string().substr(0, 60),
            "form.yaml:2:32: unknown role 'it_stafff' in available_for (d");
  EXPECT_NE(problems[0].message.find("did you mean 'it_staff'?"), std::string::npos);
  EXPECT_TRUE(unknown_roles(yaml, "form.yaml", {}).empty()) << "no roles known: nothing to say";
}

TEST(GuardRails, YamlParserMessagesCarryAHint) {
  EXPECT_NE(
      problems_of(kHead + "  - id: a\n    type: text\n    label: Note: x\n")
          .find("illegal map value; a ': ' inside unquoted text; put the text in double quotes"),
      std::string::npos);
  EXPECT_NE(problems_of(kHead + "  - id: a\n    type: text\n   - id: b\n    type: text\n")
                .find("line 7 is a list item at column 4, but the item above it (line 5) is at "
                      "column 3"),
            std::string::npos)
      << problems_of(kHead + "  - id: a\n    type: text\n   - id: b\n    type: text\n");
}

}  // namespace
}  // namespace servicedesk::forms_test
