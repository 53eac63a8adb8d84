// The shipped catalog-item YAML, compiled by the real form loader against the DUO handlers.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "fake_host.hpp"
#include "recording_registrar.hpp"
#include "registration.hpp"
#include "servicedesk/form.hpp"

namespace servicedesk::duo {
namespace {

using nlohmann::json;

const std::filesystem::path kCatalog = DUO_CATALOG_DIR;

template <class Fn>
using Map = std::map<std::string, RegisteredHandler<Fn>, std::less<>>;

template <class Fn>
Map<Fn> take(std::map<std::string, testing::RecordingRegistrar::Entry<Fn>>& entries) {
  Map<Fn> out;
  for (auto& [name, entry] : entries) {
    out[name] = {name, "duo-account-updates", entry.params,
                 std::shared_ptr<const HandlerFactory<Fn>>(std::move(entry.factory))};
  }
  return out;
}

template <class Fn>
const RegisteredHandler<Fn>* lookup(const Map<Fn>& map, std::string_view name) {
  const auto it = map.find(name);
  return it == map.end() ? nullptr : &it->second;
}

/// The handlers the DUO plugin registers, plus the example plugin's `software_summary`
/// (a stand-in: that handler belongs to another plugin and is not under test here).
class DuoHandlers final : public HandlerCatalog {
 public:
  explicit DuoHandlers(testing::RecordingRegistrar& registrar)
      : field_rules_(take(registrar.field_rules)),
        form_rules_(take(registrar.form_rules)),
        guards_(take(registrar.guards)),
        summarizers_(take(registrar.summarizers)),
        fulfilments_(take(registrar.fulfilments)) {
    registrar.add_summarizer("software_summary", {}, [](const RuleParams&) {
      return [](const SummaryInput&) { return std::string("software"); };
    });
    auto more = take(registrar.summarizers);
    summarizers_.merge(more);
  }
  const RegisteredHandler<FieldRuleFn>* field_rule(std::string_view n) const override {
    return lookup(field_rules_, n);
  }
  const RegisteredHandler<FormRuleFn>* form_rule(std::string_view n) const override {
    return lookup(form_rules_, n);
  }
  const RegisteredHandler<CheckoutGuardFn>* checkout_guard(std::string_view n) const override {
    return lookup(guards_, n);
  }
  const RegisteredHandler<SummarizerFn>* summarizer(std::string_view n) const override {
    return lookup(summarizers_, n);
  }
  const RegisteredHandler<FulfilmentFn>* fulfilment(std::string_view n) const override {
    return lookup(fulfilments_, n);
  }

 private:
  Map<FieldRuleFn> field_rules_;
  Map<FormRuleFn> form_rules_;
  Map<CheckoutGuardFn> guards_;
  Map<SummarizerFn> summarizers_;
  Map<FulfilmentFn> fulfilments_;
};

std::string describe(const FormLoadResult& result) {
  std::string text;
  for (const Diagnostic& d : result.diagnostics) text += d.to_string() + "\n";
  return text;
}

class ShippedForm : public ::testing::Test {
 protected:
  testing::FakeHost host;
  testing::RecordingRegistrar registrar{host};
  std::unique_ptr<DuoHandlers> handlers;
  FormLoadResult loaded;

  void SetUp() override {
    register_duo_plugin(registrar);
    handlers = std::make_unique<DuoHandlers>(registrar);
    loaded = load_form_file(kCatalog / "duo-account-updates.yaml", *handlers);
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

TEST(ExampleForm, RequestSoftwareLoads) {
  testing::FakeHost host;
  testing::RecordingRegistrar registrar{host};
  register_duo_plugin(registrar);
  DuoHandlers handlers(registrar);
  const FormLoadResult loaded = load_form_file(kCatalog / "request-software.yaml", handlers);
  ASSERT_TRUE(loaded.ok()) << describe(loaded);
  EXPECT_EQ(loaded.form->header().category, "Software and Access");
  EXPECT_EQ(loaded.form->notifications().size(), 1u);
}

}  // namespace
}  // namespace servicedesk::duo
