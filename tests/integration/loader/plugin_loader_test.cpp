// The loader against real plugin files: good ones load, each broken one is refused clearly.
#include <fstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "plugins/plugin_registry.hpp"
#include "scratch.hpp"  // tests/support/cpp
#include "servicedesk/version.hpp"
#include "test_host_services.hpp"  // tests/support/cpp

namespace servicedesk::host {
namespace {

namespace fs = std::filesystem;

class PluginLoaderTest : public ::testing::Test {
 protected:
  PluginRegistry make_registry() {
    return PluginRegistry([this](std::string_view plugin) {
      return std::make_shared<testing::TestHostServices>(nobody_, scratch_ / std::string(plugin));
    });
  }

  static fs::path broken(const std::string& name) {
    return fs::path(BROKEN_PLUGIN_DIR) / (name + ".so");
  }

  test::TempDir scratch_dir_;  // one per test
  const fs::path scratch_ = scratch_dir_.path();
  testing::EmptyDirectory nobody_;
};

const PluginReport& report_for(const std::vector<PluginReport>& reports, const fs::path& file) {
  for (const auto& report : reports) {
    if (report.file == file) return report;
  }
  throw std::runtime_error("no report for " + file.string());
}

TEST_F(PluginLoaderTest, RequestSoftwarePluginLoadsAndRegistersItsItem) {
  auto registry = make_registry();
  PluginReport report = registry.load_file(REQUEST_SOFTWARE_PLUGIN);
  ASSERT_TRUE(report.loaded) << report.refusal;
  EXPECT_EQ(report.name, "request-software");
  EXPECT_EQ(report.version, "1.0.0");
  EXPECT_EQ(report.api_major, kApiMajor);
  ASSERT_EQ(report.items.size(), 1u);
  EXPECT_EQ(report.items[0].id, "request-software");
  EXPECT_EQ(report.items[0].form_file, "request-software.yaml");
  // The summarizer declared the field it reads, so forms are checked against it.
  const auto* summary = registry.catalog().find<SummarizerFn>("software_summary");
  ASSERT_NE(summary, nullptr);
  ASSERT_EQ(summary->contract.reads.size(), 1u);
  EXPECT_EQ(summary->contract.reads[0].field, "software");
  ASSERT_NE(registry.catalog().item("request-software"), nullptr);
  EXPECT_NE(registry.catalog().find<SummarizerFn>("software_summary"), nullptr);
  EXPECT_EQ(registry.catalog().find<SummarizerFn>("no_such_handler"), nullptr);
}

TEST_F(PluginLoaderTest, DuoPluginRegistersTheDuoItem) {
  auto registry = make_registry();
  PluginReport report = registry.load_file(DUO_PLUGIN);
  ASSERT_TRUE(report.loaded) << report.refusal;
  EXPECT_EQ(report.name, "duo-account-updates");
  const RegisteredItem* item = registry.catalog().item("duo-account-updates");
  ASSERT_NE(item, nullptr);
  EXPECT_EQ(item->form_file, "duo-account-updates.yaml");
  EXPECT_EQ(item->plugin, "duo-account-updates");
  EXPECT_NE(registry.catalog().find<FieldRuleFn>("off_campus_phone"), nullptr);
  EXPECT_NE(registry.catalog().find<CheckoutGuardFn>("alone_in_cart"), nullptr);
}

TEST_F(PluginLoaderTest, RefusesADifferentApiMajorNamingBothVersions) {
  auto registry = make_registry();
  PluginReport report = registry.load_file(broken("wrong_major"));
  EXPECT_FALSE(report.loaded);
  const std::string plugin_api = std::to_string(kApiMajor + 1) + ".0";
  const std::string host_api = std::to_string(kApiMajor) + "." + std::to_string(kApiMinor);
  EXPECT_NE(report.refusal.find("wrong SDK API version"), std::string::npos) << report.refusal;
  EXPECT_NE(report.refusal.find("built against " + plugin_api), std::string::npos)
      << report.refusal;
  EXPECT_NE(report.refusal.find("supports " + host_api), std::string::npos) << report.refusal;
}

TEST_F(PluginLoaderTest, RefusesANewerApiMinor) {
  auto registry = make_registry();
  PluginReport report = registry.load_file(broken("newer_minor"));
  EXPECT_FALSE(report.loaded);
  EXPECT_NE(report.refusal.find("newer SDK API version"), std::string::npos) << report.refusal;
  EXPECT_NE(report.refusal.find(std::to_string(kApiMajor) + "." + std::to_string(kApiMinor + 1)),
            std::string::npos)
      << report.refusal;
}

TEST_F(PluginLoaderTest, LoadsAPluginBuiltForAnOlderMinor) {
  auto registry = make_registry();
  PluginReport report = registry.load_file(broken("older_minor"));
  ASSERT_TRUE(report.loaded) << report.refusal;
  EXPECT_EQ(report.api_minor, 0u);
  ASSERT_EQ(report.items.size(), 1u);
  EXPECT_EQ(report.items[0].id, "older-minor");
}

TEST_F(PluginLoaderTest, RefusesALibraryWithoutEntrySymbol) {
  auto registry = make_registry();
  PluginReport report = registry.load_file(broken("no_entry_symbol"));
  EXPECT_FALSE(report.loaded);
  EXPECT_NE(report.refusal.find("no entry symbol 'servicedesk_plugin_entry'"), std::string::npos)
      << report.refusal;
}

TEST_F(PluginLoaderTest, RefusesAPluginWhoseRegisterFunctionThrows) {
  auto registry = make_registry();
  PluginReport report = registry.load_file(broken("throwing_register"));
  EXPECT_FALSE(report.loaded);
  EXPECT_NE(report.refusal.find("register function failed: ledger file is missing"),
            std::string::npos)
      << report.refusal;
  EXPECT_EQ(registry.catalog().item("never-registered"), nullptr)
      << "a refused plugin keeps nothing";
}

TEST_F(PluginLoaderTest, RefusesADuplicateItemId) {
  auto registry = make_registry();
  ASSERT_TRUE(registry.load_file(REQUEST_SOFTWARE_PLUGIN).loaded);
  PluginReport report = registry.load_file(broken("duplicate_item"));
  EXPECT_FALSE(report.loaded);
  EXPECT_NE(
      report.refusal.find(
          "duplicate item 'request-software': already registered by plugin 'request-software'"),
      std::string::npos)
      << report.refusal;
  EXPECT_EQ(registry.catalog().item("request-software")->form_file, "request-software.yaml");
}

TEST_F(PluginLoaderTest, RefusesADuplicateHandlerNameAndKeepsNoneOfThatPlugin) {
  auto registry = make_registry();
  ASSERT_TRUE(registry.load_file(REQUEST_SOFTWARE_PLUGIN).loaded);
  PluginReport report = registry.load_file(broken("duplicate_handler"));
  EXPECT_FALSE(report.loaded);
  EXPECT_NE(report.refusal.find("duplicate summarizer 'software_summary'"), std::string::npos)
      << report.refusal;
  EXPECT_EQ(registry.catalog().item("another-item"), nullptr);
  EXPECT_EQ(registry.catalog().find<SummarizerFn>("software_summary")->plugin, "request-software");
}

TEST_F(PluginLoaderTest, RefusesAFileThatIsNotALoadableLibrary) {
  const fs::path fake = scratch_ / "notes.so";
  std::ofstream(fake) << "this is a text file, not a shared object\n";
  auto registry = make_registry();
  PluginReport report = registry.load_file(fake);
  EXPECT_FALSE(report.loaded);
  EXPECT_NE(report.refusal.find("not a loadable library"), std::string::npos) << report.refusal;
}

TEST_F(PluginLoaderTest, AFolderWithBrokenPluginsStillLoadsTheGoodOnes) {
  const fs::path folder = scratch_ / "plugins";
  fs::create_directories(folder);
  fs::copy_file(REQUEST_SOFTWARE_PLUGIN, folder / "request_software.so");
  // A folder loads in name order and the first registration of a name wins, so the broken
  // copies sort after the good plugin.
  for (const char* name : {"wrong_major", "newer_minor", "no_entry_symbol", "throwing_register",
                           "duplicate_item", "duplicate_handler"}) {
    fs::copy_file(broken(name), folder / ("zz_" + std::string(name) + ".so"));
  }
  std::ofstream(folder / "garbage.so") << "garbage";

  auto registry = make_registry();
  auto reports = registry.load_directory(folder);
  ASSERT_EQ(reports.size(), 8u);
  EXPECT_TRUE(report_for(reports, folder / "request_software.so").loaded);
  std::size_t refused = 0;
  for (const auto& report : reports) refused += report.loaded ? 0 : 1;
  EXPECT_EQ(refused, 7u);
  EXPECT_NE(registry.catalog().item("request-software"), nullptr);

  const std::string listing = format_plugin_reports(
      reports, [](const RegisteredItem& item) { return "described " + item.id; });
  EXPECT_NE(listing.find("item     [request-software] form request-software.yaml: described "
                         "request-software"),
            std::string::npos)
      << listing;
  EXPECT_NE(listing.find("REFUSED: wrong SDK API version"), std::string::npos) << listing;
  EXPECT_NE(listing.find("1 plugin(s) loaded, 7 refused"), std::string::npos) << listing;
}

TEST_F(PluginLoaderTest, AHandlerKeepsItsLibraryLoadedAfterTheRegistryIsGone) {
  std::shared_ptr<const HandlerFactory<SummarizerFn>> factory;
  {
    auto registry = make_registry();
    ASSERT_TRUE(registry.load_file(REQUEST_SOFTWARE_PLUGIN).loaded);
    factory = registry.catalog().find<SummarizerFn>("software_summary")->factory;
  }
  auto created = factory->create(RuleParams{});
  ASSERT_TRUE(created.handler) << created.error;
  const nlohmann::json answers = {{"software", "MATLAB"}};
  EXPECT_EQ(created.handler->call(SummaryInput{"request-software", answers}).result,
            "Install MATLAB");
}

}  // namespace
}  // namespace servicedesk::host
