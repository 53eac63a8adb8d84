// The plugin's registration: the item and handler names the YAML form binds to.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include <boost/dll/shared_library.hpp>
#include <nlohmann/json.hpp>

#include "fake_host.hpp"
#include "in_memory_catalog.hpp"
#include "registration.hpp"
#include "servicedesk/plugin.hpp"

namespace servicedesk::duo {
namespace {

using nlohmann::json;

using Registry = servicedesk::testing::InMemoryCatalog;

RuleParams campus_params(std::vector<std::string> prefixes) {
  return RuleParams({{"campus_prefixes", ParamValue(std::move(prefixes))}},
                    {{"campus_prefixes", ParamType::string_list}, {"region", ParamType::string}});
}

void expect_duo_registration(const Registry& registrar) {
  EXPECT_TRUE(registrar.problems.empty());
  const auto& items = registrar.catalog.items();
  ASSERT_EQ(items.size(), 1u);
  // The item's name, category and description come from its YAML only.
  EXPECT_EQ(items[0].id, "duo-account-updates");
  EXPECT_EQ(items[0].form_file, "duo-account-updates.yaml");
  EXPECT_NE(registrar.catalog.find<FieldRuleFn>("off_campus_phone"), nullptr);
  EXPECT_NE(registrar.catalog.find<FieldRuleFn>("phone_on_account"), nullptr);
  EXPECT_NE(registrar.catalog.find<FormRuleFn>("duo_account_rules"), nullptr);
  EXPECT_NE(registrar.catalog.find<CheckoutGuardFn>("alone_in_cart"), nullptr);
  EXPECT_NE(registrar.catalog.find<SummarizerFn>("duo_summary"), nullptr);
  EXPECT_NE(registrar.catalog.find<FulfilmentFn>("duo_fulfilment"), nullptr);
}

/// Checks one off_campus_phone binding made through the registered factory.
void expect_phone_binding_works(const Registry& registrar) {
  const auto& factory = *registrar.handler<FieldRuleFn>("off_campus_phone").factory;
  const auto created = factory.create(campus_params({"+1657278"}));
  ASSERT_TRUE(created.handler) << created.error;
  const json answers = json::object();
  EXPECT_EQ(
      created.handler->call(FieldInput{"phone", "657-278-7777", answers, nullptr}).result->error,
      "This is a campus number. Enter an off-campus number, typically a cellphone.");
  EXPECT_EQ(created.handler->call(FieldInput{"phone", "714-555-0199", answers, nullptr})
                .result->normalized,
            "+17145550199");
}

TEST(Registration, RegistersItemAndHandlers) {
  testing::FakeHost host;
  Registry registrar(host, "duo-account-updates");
  register_duo_plugin(registrar);
  expect_duo_registration(registrar);
  expect_phone_binding_works(registrar);

  const auto& params = registrar.handler<FieldRuleFn>("off_campus_phone").contract.params;
  ASSERT_EQ(params.size(), 2u);
  EXPECT_EQ(params[0].name, "campus_prefixes");
  EXPECT_EQ(params[0].type, ParamType::string_list);
  EXPECT_EQ(params[1].name, "region");
  EXPECT_FALSE(params[1].required);
}

TEST(Registration, HandlersDeclareTheFieldsTheyRead) {
  testing::FakeHost host;
  Registry registrar(host, "duo-account-updates");
  register_duo_plugin(registrar);
  const auto& reads = registrar.handler<FormRuleFn>("duo_account_rules").contract.reads;
  auto members = std::find_if(reads.begin(), reads.end(),
                              [](const FieldRead& read) { return read.field == "members"; });
  ASSERT_NE(members, reads.end());
  EXPECT_EQ(members->columns, (std::vector<std::string>{"user", "last_four", "phone"}));
  for (const char* name : {"account", "request_type", "phone", "replace_last_four"}) {
    EXPECT_NE(std::find_if(reads.begin(), reads.end(),
                           [&](const FieldRead& read) { return read.field == name; }),
              reads.end())
        << name;
  }
  EXPECT_EQ(registrar.handler<SummarizerFn>("duo_summary").contract.reads.size(), reads.size());
  EXPECT_EQ(registrar.handler<FulfilmentFn>("duo_fulfilment").contract.reads.size(), reads.size());
}

TEST(Registration, BadCampusPrefixIsABindingError) {
  testing::FakeHost host;
  Registry registrar(host, "duo-account-updates");
  register_duo_plugin(registrar);
  const auto created =
      registrar.handler<FieldRuleFn>("off_campus_phone").factory->create(campus_params({"657278"}));
  EXPECT_FALSE(created.handler);
  EXPECT_NE(created.error.find("657278"), std::string::npos);
}

TEST(Registration, UnreadableLedgerRefusesThePlugin) {
  testing::FakeHost host;
  host.mutable_config().values["ledger_file"] = (host.scratch() / "missing.yaml").string();
  Registry registrar(host, "duo-account-updates");
  EXPECT_THROW(register_duo_plugin(registrar), std::runtime_error);
}

TEST(Registration, IdenticalPhoneBindingsShareOneCache) {
  // The form binds off_campus_phone twice (person phone, administrative rows) with the same
  // parameters: a number checked in one place is not parsed again in the other.
  testing::FakeHost host;
  const auto context = testing::open_demo_context(host);
  const PhonePolicyOptions campus{{"+1657278"}, "US"};
  EXPECT_EQ(context->phone_policy(campus), context->phone_policy(campus));
  EXPECT_NE(context->phone_policy(campus), context->phone_policy(PhonePolicyOptions{{}, "US"}));
}

TEST(PluginModule, ExportsEntryThatRegistersTheItem) {
  // Declared first so that it is unloaded after everything the plugin made.
  boost::dll::shared_library library(DUO_PLUGIN_MODULE_FILE);
  ASSERT_TRUE(library.has(kPluginEntrySymbol));
  auto* entry = *library.get<PluginEntryFn*>(kPluginEntrySymbol);
  const PluginInfo* info = entry();
  EXPECT_EQ(info->api_major, kApiMajor);
  EXPECT_EQ(info->api_minor, kApiMinor);
  EXPECT_STREQ(info->name, "duo-account-updates");
  EXPECT_STREQ(info->version, "1.0.0");
  EXPECT_FALSE(library.has("_ZN11servicedesk3duo19register_duo_pluginERNS_9RegistrarE"));

  testing::FakeHost host;
  Registry registrar(host, "duo-account-updates");
  std::string error;
  ASSERT_TRUE(info->register_plugin(registrar, error)) << error;
  expect_duo_registration(registrar);
  expect_phone_binding_works(registrar);
}

TEST(PluginModule, RegisterFailureComesBackAsAnError) {
  boost::dll::shared_library library(DUO_PLUGIN_MODULE_FILE);
  auto* entry = *library.get<PluginEntryFn*>(kPluginEntrySymbol);
  testing::FakeHost host;
  host.mutable_config().values["ledger_file"] = (host.scratch() / "missing.yaml").string();
  Registry registrar(host, "duo-account-updates");
  std::string error;
  EXPECT_FALSE(entry()->register_plugin(registrar, error));
  EXPECT_NE(error.find("missing.yaml"), std::string::npos);
}

}  // namespace
}  // namespace servicedesk::duo
