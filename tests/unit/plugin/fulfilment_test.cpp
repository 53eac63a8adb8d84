// Fulfilment (article step 11 onwards): staff's decision, and the Duo ledger it changes.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "fake_host.hpp"
#include "fulfilment.hpp"

namespace servicedesk::duo {
namespace {

using nlohmann::json;
using Phones = std::vector<std::string>;

class Fulfilment : public ::testing::Test {
 protected:
  testing::FakeHost host;
  std::shared_ptr<DuoContext> context = testing::open_demo_context(host);
  DuoFulfilment fulfil{context};

  FulfilmentResult decide(const char* ritm, const json& answers,
                          Decision decision = Decision::fulfil) const {
    return fulfil(FulfilmentInput{ritm, "duo-account-updates", answers, decision,
                                  decision == Decision::reject ? "Not a DITC request" : ""});
  }
  Phones phones(const char* account, const char* user) const {
    return context->ledger().phones(account, user);
  }
};

TEST_F(Fulfilment, FulfilmentUpdatesLedger) {
  const auto added = decide(
      "RITM0000001", {{"account", "newhire"}, {"request_type", "add"}, {"phone", "+17145550199"}});
  ASSERT_TRUE(added.ok) << added.message;
  EXPECT_EQ(added.message, "Added +1 ***-***-0199 for Hire, Nova.");
  EXPECT_EQ(phones("newhire", "newhire"), Phones{"+17145550199"});

  const auto updated =
      decide("RITM0000002",
             {{"account", "tuffytitan"}, {"request_type", "update"}, {"phone", "714-555-9999"}});
  ASSERT_TRUE(updated.ok) << updated.message;
  EXPECT_EQ(phones("tuffytitan", "tuffytitan"), Phones{"+17145559999"});

  const auto removed =
      decide("RITM0000003", {{"account", "athletics-admin"},
                             {"request_type", "remove"},
                             {"members", {{{"user", "tuffytitan"}, {"last_four", "0111"}}}}});
  ASSERT_TRUE(removed.ok) << removed.message;
  EXPECT_TRUE(phones("athletics-admin", "tuffytitan").empty());
  EXPECT_EQ(phones("athletics-admin", "dcoordinator"), Phones{"+17145550112"});
}

TEST_F(Fulfilment, AdministrativeUpdateReplacesTheMatchingPhone) {
  const auto result =
      decide("RITM0000004",
             {{"account", "athletics-admin"},
              {"request_type", "update"},
              {"members",
               {{{"user", "dcoordinator"}, {"last_four", "0112"}, {"phone", "+17145558888"}},
                {{"user", "newhire"}, {"phone", "+17145557777"}}}}});
  // The second row names no phone to replace: nothing at all is applied.
  EXPECT_FALSE(result.ok);
  EXPECT_EQ(phones("athletics-admin", "dcoordinator"), Phones{"+17145550112"});

  const auto fixed =
      decide("RITM0000005",
             {{"account", "athletics-admin"},
              {"request_type", "update"},
              {"members",
               {{{"user", "dcoordinator"}, {"last_four", "0112"}, {"phone", "+17145558888"}}}}});
  ASSERT_TRUE(fixed.ok) << fixed.message;
  EXPECT_EQ(phones("athletics-admin", "dcoordinator"), Phones{"+17145558888"});
}

TEST_F(Fulfilment, RejectLeavesLedger) {
  const LedgerAccounts before = context->ledger().accounts();
  const auto result = decide(
      "RITM0000006", {{"account", "newhire"}, {"request_type", "add"}, {"phone", "+17145550199"}},
      Decision::reject);
  EXPECT_TRUE(result.ok);
  EXPECT_EQ(context->ledger().accounts(), before);
  // Not even on disk.
  const auto reopened = DuoLedger::open(host.data_dir(), DuoContext::demo_ledger_file());
  ASSERT_TRUE(reopened.ledger) << reopened.error;
  EXPECT_EQ(reopened.ledger->accounts(), before);
}

TEST_F(Fulfilment, FulfilmentSurvivesRestart) {
  ASSERT_TRUE(decide("RITM0000007",
                     {{"account", "newhire"}, {"request_type", "add"}, {"phone", "+17145550199"}})
                  .ok);
  const auto reopened = testing::open_demo_context(host);
  EXPECT_EQ(reopened->ledger().phones("newhire", "newhire"), Phones{"+17145550199"});
}

TEST_F(Fulfilment, SameRitmAppliedOnce) {
  const json answers = {{"account", "newhire"}, {"request_type", "add"}, {"phone", "+17145550199"}};
  ASSERT_TRUE(decide("RITM0000008", answers).ok);
  const auto again = decide("RITM0000008", answers);
  EXPECT_TRUE(again.ok);
  EXPECT_NE(again.message.find("already applied"), std::string::npos);
  EXPECT_EQ(phones("newhire", "newhire"), Phones{"+17145550199"});
}

TEST_F(Fulfilment, StaleRequestRefusedWithoutChange) {
  const LedgerAccounts before = context->ledger().accounts();
  const auto result =
      decide("RITM0000009", {{"account", "tuffytitan"}, {"request_type", "remove"}});
  EXPECT_FALSE(result.ok);
  EXPECT_EQ(result.message, "Remove is only available for administrative accounts.");
  const auto stale =
      decide("RITM0000010", {{"account", "athletics-admin"},
                             {"request_type", "remove"},
                             {"members", {{{"user", "tuffytitan"}, {"last_four", "4321"}}}}});
  EXPECT_FALSE(stale.ok);
  EXPECT_EQ(context->ledger().accounts(), before);
}

TEST_F(Fulfilment, LogsShowOnlyLastFour) {
  ASSERT_TRUE(decide("RITM0000011",
                     {{"account", "newhire"}, {"request_type", "add"}, {"phone", "+17145550199"}})
                  .ok);
  const auto lines = host.recorded_log().lines();
  bool mentioned = false;
  for (const std::string& line : lines) {
    EXPECT_EQ(line.find("5550199"), std::string::npos) << line;
    mentioned = mentioned || line.find("RITM0000011") != std::string::npos;
  }
  EXPECT_TRUE(mentioned);
}

}  // namespace
}  // namespace servicedesk::duo
