// The Duo ledger: seeded from YAML once, then kept as JSON in the plugin's data folder.
#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

#include "fake_host.hpp"
#include "ledger.hpp"

namespace servicedesk::duo {
namespace {

using Phones = std::vector<std::string>;

void write(const std::filesystem::path& file, const std::string& text) {
  std::ofstream(file) << text;
}

TEST(DuoLedgerSeed, DemoLedgerHasTheDesignPhones) {
  testing::FakeHost host;
  const auto context = testing::open_demo_context(host);
  const DuoLedger& ledger = context->ledger();
  EXPECT_EQ(ledger.phones("tuffytitan", "tuffytitan"), Phones{"+17145550101"});
  EXPECT_EQ(ledger.phones("dcoordinator", "dcoordinator"), Phones{"+17145550102"});
  EXPECT_EQ(ledger.phones("athletics-admin", "tuffytitan"), Phones{"+17145550111"});
  EXPECT_EQ(ledger.phones("athletics-admin", "dcoordinator"), Phones{"+17145550112"});
  EXPECT_TRUE(ledger.phones("tessatitan", "tessatitan").empty());
  EXPECT_TRUE(ledger.phones("newhire", "newhire").empty());
  EXPECT_TRUE(std::filesystem::exists(host.data_dir() / DuoLedger::kLiveFileName));
}

TEST(DuoLedgerSeed, ConfiguredLedgerFileWins) {
  testing::FakeHost host;
  const auto seed = host.scratch() / "ledger.yaml";
  write(seed, "accounts:\n  newhire:\n    phones: [\"+17145550199\"]\n");
  host.mutable_config().values["ledger_file"] = seed.string();
  const auto context = testing::open_demo_context(host);
  EXPECT_EQ(context->ledger().phones("newhire", "newhire"), Phones{"+17145550199"});
  EXPECT_TRUE(context->ledger().phones("tuffytitan", "tuffytitan").empty());
}

TEST(DuoLedgerSeed, LiveLedgerIsNotReseeded) {
  testing::FakeHost host;
  {
    const auto context = testing::open_demo_context(host);
    ASSERT_TRUE(context->ledger()
                    .update("RITM0000001",
                            [](LedgerAccounts& accounts) {
                              accounts["newhire"]["newhire"].push_back("+17145550199");
                              return std::string{};
                            })
                    .ok);
  }
  const auto reopened = testing::open_demo_context(host);
  EXPECT_EQ(reopened->ledger().phones("newhire", "newhire"), Phones{"+17145550199"});
}

TEST(DuoLedgerSeed, BadSeedNamesFileLineAndColumn) {
  testing::FakeHost host;
  const auto seed = host.scratch() / "bad.yaml";
  write(seed, "accounts:\n  newhire:\n    phones: [\"714-555-0199\"]\n");
  const auto opened = DuoLedger::open(host.data_dir(), seed);
  EXPECT_FALSE(opened.ledger);
  EXPECT_EQ(opened.error,
            seed.string() + ":3:14: expected an E.164 phone such as \"+17145550101\"");

  host.mutable_config().values["ledger_file"] = seed.string();
  EXPECT_THROW(testing::open_demo_context(host), std::runtime_error);
}

TEST(DuoLedgerSeed, MissingSeedIsAnError) {
  testing::FakeHost host;
  const auto opened = DuoLedger::open(host.data_dir(), host.scratch() / "none.yaml");
  EXPECT_FALSE(opened.ledger);
  EXPECT_NE(opened.error.find("cannot be read"), std::string::npos);
}

TEST(DuoLedgerUpdate, RefusedChangeLeavesLedger) {
  testing::FakeHost host;
  const auto context = testing::open_demo_context(host);
  const LedgerAccounts before = context->ledger().accounts();
  const auto outcome = context->ledger().update("RITM0000002", [](LedgerAccounts& accounts) {
    accounts.clear();
    return std::string("refused");
  });
  EXPECT_FALSE(outcome.ok);
  EXPECT_EQ(outcome.error, "refused");
  EXPECT_EQ(context->ledger().accounts(), before);
}

TEST(DuoLedgerRead, PhoneEndingFindsTheMatchingPhone) {
  testing::FakeHost host;
  const auto context = testing::open_demo_context(host);
  EXPECT_EQ(context->ledger().phone_ending("athletics-admin", "tuffytitan", "0111"),
            "+17145550111");
  EXPECT_FALSE(context->ledger().phone_ending("athletics-admin", "tuffytitan", "0101"));
  EXPECT_FALSE(context->ledger().phone_ending("nobody", "nobody", "0101"));
  EXPECT_TRUE(context->ledger().has_phone("tuffytitan", "tuffytitan", "+17145550101"));
}

}  // namespace
}  // namespace servicedesk::duo
