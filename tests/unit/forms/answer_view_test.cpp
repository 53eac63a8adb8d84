// Answers in words for IT staff, requesters, mail and summaries: the form version recorded,
// sensitive answers masked by rule, templates and their placeholders checked at load.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "catalog/item_registration.hpp"
#include "demo_directory.hpp"
#include "servicedesk/forms/form.hpp"
#include "test_catalog.hpp"
#include "usecases/answer_view.hpp"
#include "usecases/summary.hpp"

namespace servicedesk::forms_test {
namespace {

using host::answer_placeholders;
using host::answers_json;
using host::mask_last_four;

std::filesystem::path mailbox_file() {
  return std::filesystem::path(SERVICEDESK_FORMS_TEST_DATA).parent_path() / "yaml-only" /
         "shared-mailbox.yaml";
}

const nlohmann::json kAnswers = {
    {"mailbox_name", "finance-team"},
    {"owner", "tessatitan"},
    {"access", "full"},
    {"cost_center", "CC-778899"},
    {"users",
     {{{"user", "tuffytitan"}, {"contact_phone", "+17145550133"}}, {{"user", "newhire"}}}}};

class AnswerView : public ::testing::Test {
 protected:
  void SetUp() override {
    FormLoadResult result = load_form_file(mailbox_file(), catalog);
    ASSERT_TRUE(result.ok()) << (result.diagnostics.empty() ? ""
                                                            : result.diagnostics[0].to_string());
    form = result.form;
    fields = host::form_version_fields(*form);
  }
  TestCatalog catalog;
  testing::DemoDirectory directory;
  std::shared_ptr<const Form> form;
  nlohmann::json fields;
};

TEST_F(AnswerView, TheFormVersionKeepsLabelsOrderChoicesAndSensitiveFlags) {
  ASSERT_EQ(fields.size(), 5u);
  EXPECT_EQ(fields[0],
            nlohmann::json({{"id", "mailbox_name"}, {"label", "Mailbox name"}, {"type", "text"}}));
  EXPECT_EQ(fields[2]["choices"][1], nlohmann::json({{"value", "read"}, {"label", "Read only"}}));
  EXPECT_EQ(fields[3]["sensitive"], true);                // said in YAML
  EXPECT_EQ(fields[4]["columns"][1]["sensitive"], true);  // a phone: sensitive by default
  EXPECT_FALSE(fields[4]["columns"][0].contains("sensitive"));
  EXPECT_FALSE(fields[0].contains("visible_when"));  // only what a reader needs
  EXPECT_EQ(host::form_version_hash(fields), host::form_version_hash(fields));
  nlohmann::json renamed = fields;
  renamed[0]["label"] = "Shared mailbox";
  EXPECT_NE(host::form_version_hash(renamed), host::form_version_hash(fields));
  EXPECT_EQ(host::form_version_hash(fields).size(), 16u);
}

TEST_F(AnswerView, RequestersSeeSensitiveAnswersMaskedAndStaffInFull) {
  const nlohmann::json masked = answers_json(fields, kAnswers, directory, {});
  ASSERT_EQ(masked.size(), 5u);
  EXPECT_EQ(masked[1]["value"], "Titan, Tessa (tessatitan)");
  EXPECT_EQ(masked[2]["value"], "Full access");
  EXPECT_EQ(masked[3]["value"], "****8899");
  EXPECT_EQ(masked[3]["masked"], true);
  EXPECT_EQ(masked[4]["rows"][0][1]["value"], "***-***-0133");
  EXPECT_EQ(masked[4]["rows"][1][1]["value"], "");
  EXPECT_EQ(masked[4]["rows"][1][1]["masked"], false);

  std::vector<std::string> revealed;
  const nlohmann::json full = answers_json(fields, kAnswers, directory, {true, &revealed});
  EXPECT_EQ(full[3]["value"], "CC-778899");
  EXPECT_EQ(full[3]["masked"], false);
  EXPECT_EQ(full[4]["rows"][0][1]["value"], "+17145550133");
  EXPECT_EQ(revealed, (std::vector<std::string>{"cost_center (Cost center)",
                                                "users.contact_phone (Contact phone)"}));
}

TEST_F(AnswerView, HiddenFieldsAreLeftOutAndOlderVersionsKeepTheirLabels) {
  nlohmann::json answers = kAnswers;
  answers.erase("cost_center");  // hidden with read access: dropped on submit
  nlohmann::json older = fields;
  older[0]["label"] = "Name of the mailbox";
  const nlohmann::json shown = answers_json(older, answers, directory, {});
  ASSERT_EQ(shown.size(), 4u);
  EXPECT_EQ(shown[0]["label"], "Name of the mailbox");
  EXPECT_EQ(shown[3]["id"], "users");
}

TEST_F(AnswerView, MailPlaceholdersRenderRowsAsLinesWithSensitiveValuesMasked) {
  const auto values = answer_placeholders(fields, kAnswers, directory);
  EXPECT_EQ(values.at("answers.mailbox_name"), "finance-team");
  EXPECT_EQ(values.at("answers.cost_center"), "****8899");
  EXPECT_EQ(values.at("answers.users"),
            "User: Titan, Tuffy (tuffytitan), Contact phone: ***-***-0133\n"
            "User: Hire, Nova (newhire)");
  EXPECT_EQ(render_template("{answers.access} for {answers.owner}", values),
            "Full access for Titan, Tessa (tessatitan)");
}

TEST_F(AnswerView, ASummaryTemplateNamesTheRequestedForPerson) {
  EXPECT_EQ(host::summarize(*form, kAnswers, {directory, "dcoordinator", "tessatitan"}, nullptr),
            "Shared mailbox finance-team for Tessa Titan");
}

TEST(MaskLastFour, KeepsOnlyTheLastFour) {
  EXPECT_EQ(mask_last_four("+17145550188", "phone"), "***-***-0188");
  EXPECT_EQ(mask_last_four("(714) 555-0188", "phone"), "***-***-0188");
  EXPECT_EQ(mask_last_four("123", "phone"), "***-***-****");
  EXPECT_EQ(mask_last_four("CC-778899", "text"), "****8899");
  EXPECT_EQ(mask_last_four("abc", "text"), "***");
}

TEST(SummaryTemplate, EachPlaceholderIsCheckedAtItsLineAndColumn) {
  TestCatalog catalog;
  const std::string yaml =
      "id: x\nname: X\ncategory: C\nyaml_only: true\nfields:\n"
      "  - { id: mailbox_name, type: text }\n"
      "summary: { template: \"Mailbox {answers.mailbox_nam} for {requested_for.name}\" }\n";
  FormLoadResult result = load_form_text(yaml, "mem.yaml", catalog);
  ASSERT_EQ(result.diagnostics.size(), 1u);
  EXPECT_EQ(result.diagnostics[0].to_string(),
            "mem.yaml:7:31: unknown placeholder {answers.mailbox_nam} in the summary template; "
            "expected item.name, opened_by.name, requested_for.name or answers.<field id>");
}

TEST(SummaryTemplate, MailPlaceholdersMayNameTheFormsFieldsOnly) {
  TestCatalog catalog;
  const std::string yaml =
      "id: x\nname: X\ncategory: C\nfields:\n"
      "  - { id: mailbox_name, type: text }\n"
      "notifications:\n"
      "  - { on: submitted, to: [opened_by], subject: \"{answers.mailbox_name} {answers.owner}\",\n"
      "      body_file: good.txt }\n";
  FormLoadResult result = load_form_text(
      yaml, std::filesystem::path(SERVICEDESK_FORMS_TEST_DATA) / "broken" / "m.yaml", catalog);
  ASSERT_EQ(result.diagnostics.size(), 1u);
  EXPECT_EQ(result.diagnostics[0].line, 7);
  EXPECT_EQ(result.diagnostics[0].column, 72);
  EXPECT_NE(result.diagnostics[0].message.find("unknown placeholder {answers.owner}"),
            std::string::npos);
}

TEST(YamlOnly, AnItemWithoutPluginIsServedUnlessAPluginClaimsItsId) {
  TestCatalog catalog;
  FormLoadResult result = load_form_file(mailbox_file(), catalog);
  ASSERT_TRUE(result.ok());
  EXPECT_TRUE(result.form->header().yaml_only);
  EXPECT_FALSE(host::registration_problem(*result.form, mailbox_file(), catalog));
  ASSERT_TRUE(catalog.add_item({"shared-mailbox", "shared-mailbox.yaml", "mail-plugin"}).empty());
  const auto clash = host::registration_problem(*result.form, mailbox_file(), catalog);
  ASSERT_TRUE(clash);
  EXPECT_NE(clash->message.find("marked yaml_only but plugin 'mail-plugin' registers"),
            std::string::npos);
}

}  // namespace
}  // namespace servicedesk::forms_test
