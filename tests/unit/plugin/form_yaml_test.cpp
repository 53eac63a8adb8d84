// The shipped catalog-item YAML, compiled by the real form loader against the DUO handlers.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include <nlohmann/json.hpp>

#include "fake_host.hpp"
#include "in_memory_catalog.hpp"
#include "registration.hpp"
#include "servicedesk/forms/form.hpp"

namespace servicedesk::duo {
namespace {

using nlohmann::json;

const std::filesystem::path kCatalog = DUO_CATALOG_DIR;

using Registry = servicedesk::testing::InMemoryCatalog;

/// The DUO plugin's real handlers, plus the example plugin's `software_summary` (a
/// stand-in: that handler belongs to another plugin and is not under test here).
void register_handlers(Registry& registrar) {
  register_duo_plugin(registrar);
  registrar.add_summarizer("software_summary", {}, [](const RuleParams&) {
    return [](const SummaryInput&) { return std::string("software"); };
  });
}

std::string describe(const FormLoadResult& result) {
  std::string text;
  for (const Diagnostic& d : result.diagnostics) text += d.to_string() + "\n";
  return text;
}

class ShippedForm : public ::testing::Test {
 protected:
  testing::FakeHost host;
  Registry registrar{host, "duo-account-updates"};
  FormLoadResult loaded;

  void SetUp() override {
    register_handlers(registrar);
    loaded = load_form_file(kCatalog / "duo-account-updates.yaml", registrar.catalog);
    ASSERT_TRUE(loaded.ok()) << describe(loaded);
  }
  EvalContext context() const { return {&host.directory(), "dcoordinator"}; }

  std::vector<std::string> offered_types(const char* account) const {
    const Evaluation evaluation =
        loaded.form->evaluate({{"account", account}, {"request_type", "add"}}, context());
    std::vector<std::string> values;
    for (const auto& [path, state] : evaluation.fields) {
      if (path != "request_type") continue;
      for (const auto& option : state.options) values.push_back(option.first);
    }
    return values;
  }
};

TEST_F(ShippedForm, LoadsWithTheArticlesWording) {
  EXPECT_TRUE(loaded.diagnostics.empty()) << describe(loaded);
  const ItemHeader& header = loaded.form->header();
  EXPECT_EQ(header.id, "duo-account-updates");
  EXPECT_EQ(header.name, "DUO Account updates");
  EXPECT_EQ(header.category, "Software and Access");
  EXPECT_EQ(header.roles, std::vector<std::string>{"ditc"});
  ASSERT_EQ(loaded.form->checkout_guards().size(), 1u);
  EXPECT_EQ(loaded.form->checkout_guards()[0].message,
            "You are not able to submit other requests along with the Duo Account Updates "
            "request.");
  EXPECT_NE(loaded.form->summarizer(), nullptr);
  EXPECT_NE(loaded.form->fulfilment(), nullptr);
  const std::string client = loaded.form->client_json().dump();
  EXPECT_NE(client.find("Type the name of the user or account that you want to update."),
            std::string::npos);
  EXPECT_NE(client.find("Typically this will be a cellphone number."), std::string::npos);
}

TEST_F(ShippedForm, RemoveOfferedOnlyForAdministrativeAccounts) {
  EXPECT_EQ(offered_types("tuffytitan"), (std::vector<std::string>{"add", "update"}));
  EXPECT_EQ(offered_types("athletics-admin"),
            (std::vector<std::string>{"add", "update", "remove"}));
}

TEST_F(ShippedForm, HelpDeskNumberRefusedOnSubmit) {
  const Submission submission = loaded.form->validate(
      {{"account", "newhire"}, {"request_type", "add"}, {"phone", "657-278-7777"}}, context());
  EXPECT_FALSE(submission.ok);
  ASSERT_EQ(submission.errors.count("phone"), 1u);
  EXPECT_EQ(submission.errors.at("phone"),
            std::vector<std::string>{
                "This is a campus number. Enter an off-campus number, typically a cellphone."});
}

TEST_F(ShippedForm, NewHirePhoneStoredAsE164) {
  const Submission submission = loaded.form->validate(
      {{"account", "newhire"}, {"request_type", "add"}, {"phone", "714-555-0199"}}, context());
  ASSERT_TRUE(submission.ok) << submission.errors_json().dump();
  EXPECT_EQ((*submission.answers)["phone"], "+17145550199");
}

TEST_F(ShippedForm, RemoveOnPersonAccountRefusedWhateverTheClientSends) {
  const Submission submission =
      loaded.form->validate({{"account", "tuffytitan"}, {"request_type", "remove"}}, context());
  EXPECT_FALSE(submission.ok);
}

TEST_F(ShippedForm, AdministrativeRowsOfMixedValidity) {
  const json answers = {
      {"account", "athletics-admin"},
      {"request_type", "update"},
      {"members",
       {{{"user", "tuffytitan"}, {"last_four", "0111"}, {"phone", "714-555-9999"}},
        {{"user", "dcoordinator"}, {"last_four", "1234"}, {"phone", "714-555-9998"}},
        {{"user", "newhire"}, {"last_four", "0113"}, {"phone", "800-555-1234"}}}}};
  const Submission submission = loaded.form->validate(answers, context());
  EXPECT_FALSE(submission.ok);
  EXPECT_EQ(submission.errors.count("members[0].last_four"), 0u);
  EXPECT_EQ(submission.errors.count("members[0].phone"), 0u);
  EXPECT_EQ(submission.errors.at("members[1].last_four"),
            std::vector<std::string>{
                "No phone ending in 1234 is on this account for Coordinator, Dana."});
  EXPECT_EQ(submission.errors.at("members[2].phone"),
            std::vector<std::string>{
                "Toll-free numbers cannot be used for Duo. Enter a cellphone number."});
}

TEST(BrokenForm, RenamedMembersIsALoadErrorAtEachBindingThatReadsIt) {
  // A catalog administrator renames the administrative rows: the rules that read `members`
  // must refuse the form at their `use:` lines, not silently check nothing.
  testing::FakeHost host;
  Registry registrar{host, "duo-account-updates"};
  register_handlers(registrar);
  std::ifstream in(kCatalog / "duo-account-updates.yaml");
  std::string yaml((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::string original = "  - id: members\n";
  const auto at = yaml.find(original);
  ASSERT_NE(at, std::string::npos);
  yaml.replace(at, original.size(), "  - id: people\n");
  const std::filesystem::path file = kCatalog / "duo-account-updates.yaml";
  const FormLoadResult loaded = load_form_text(yaml, file, registrar.catalog);
  ASSERT_FALSE(loaded.ok());
  auto line_of = [&](const std::string& text) {
    const auto position = yaml.find(text);
    return 1 + std::count(yaml.begin(), yaml.begin() + static_cast<long>(position), '\n');
  };
  const std::string expected_columns =
      "expected a rows field 'members' with columns user, "
      "last_four, phone";
  const std::vector<std::string> expected = {
      file.string() + ":" + std::to_string(line_of("- { use: duo_account_rules }")) +
          ":12: form rule 'duo_account_rules' reads field 'members', which this form does not "
          "have; " +
          expected_columns,
      file.string() + ":" + std::to_string(line_of("summary: { use: duo_summary }")) +
          ":17: summarizer 'duo_summary' reads field 'members', which this form does not have; " +
          expected_columns,
      file.string() + ":" + std::to_string(line_of("fulfilment: { use: duo_fulfilment }")) +
          ":20: fulfilment handler 'duo_fulfilment' reads field 'members', which this form does "
          "not have; " +
          expected_columns};
  std::vector<std::string> actual;
  for (const Diagnostic& d : loaded.diagnostics) actual.push_back(d.to_string());
  EXPECT_EQ(actual, expected);
}

TEST(ExampleForm, RequestSoftwareLoads) {
  testing::FakeHost host;
  Registry registrar{host, "duo-account-updates"};
  register_handlers(registrar);
  const FormLoadResult loaded =
      load_form_file(kCatalog / "request-software.yaml", registrar.catalog);
  ASSERT_TRUE(loaded.ok()) << describe(loaded);
  EXPECT_EQ(loaded.form->header().category, "Software and Access");
  EXPECT_EQ(loaded.form->notifications().size(), 1u);
}

}  // namespace
}  // namespace servicedesk::duo
