// The article's three requests through the real host and plugin against the fake Duo Admin API.
#include "duo_admin_api.hpp"

namespace servicedesk::test {
namespace {

using Numbers = std::vector<std::string>;

/// Every call in `calls` was signed correctly and answered 200; prints them (the figures of
/// the note: calls per flow, the log of one Update).
void expect_all_signed_and_ok(const std::string& flow, const nlohmann::json& calls,
                              std::size_t rule_reads) {
  std::cout << "fake Duo call log, " << flow << ": " << rule_reads
            << " calls for the rules (add-to-cart, checkout), " << calls.size() - rule_reads
            << " for the fulfilment:\n";
  for (const auto& call : calls) {
    EXPECT_EQ(call["status"], 200) << call.dump();
    std::cout << "  " << call["method"].get<std::string>() << " " << call["path"].get<std::string>()
              << " -> " << call["status"] << "\n";
  }
}

TEST_F(DuoAdminApiTest, AddForNewhireCreatesThePhoneAndAssociatesIt) {
  auto duo = control();
  duo.clear_log();
  ApiClient dana = as("dcoordinator");
  const Reply checkout = order(dana, duo_add_for_newhire("714 555 1234"), "dcoordinator");
  ASSERT_EQ(checkout.status, 201) << checkout.body;
  const std::size_t reads = duo.calls().size();
  const Reply fulfilled = fulfil(host().port(), ritm_of(checkout));
  ASSERT_EQ(fulfilled.status, 200) << fulfilled.body;
  EXPECT_EQ(duo_numbers(duo, "newhire"), Numbers{"+17145551234"});
  EXPECT_EQ(duo.state()["phones"]["+17145551234"], Numbers{"newhire"});
  expect_all_signed_and_ok("Add for newhire", duo.calls(), reads);
}

TEST_F(DuoAdminApiTest, TheFulfilmentsDuoCallsReachTheRequestsActivityLogWithoutThePhone) {
  auto duo = control();
  ApiClient dana = as("dcoordinator");
  const Reply checkout = order(dana, duo_add_for_newhire("714 555 1299"), "dcoordinator");
  ASSERT_EQ(checkout.status, 201) << checkout.body;
  duo.clear_log();
  ASSERT_EQ(fulfil(host().port(), ritm_of(checkout)).status, 200);
  const nlohmann::json fulfilment_calls = duo.calls();
  ASSERT_FALSE(fulfilment_calls.empty());

  ApiClient helpdesk(host().port());
  ASSERT_EQ(helpdesk.log_in("helpdesk").status, 200);
  const Reply page =
      helpdesk.get("/api/requests/" + checkout.json["request"]["number"].get<std::string>());
  ASSERT_EQ(page.status, 200);
  std::vector<std::string> logged;  // oldest first
  for (const auto& row : page.json["request"]["activity"]) {
    if (row["kind"] != "fulfilment_call") continue;
    EXPECT_EQ(row["actor"], "system");
    EXPECT_EQ(row["item_number"], ritm_of(checkout));
    logged.insert(logged.begin(), row["detail"].get<std::string>());
  }
  // One row per call the fake Duo saw, in order: method, path (never the query) and status.
  ASSERT_EQ(logged.size(), fulfilment_calls.size()) << page.body;
  for (std::size_t i = 0; i < logged.size(); ++i) {
    const std::string expected = "duo call " + ritm_of(checkout) + " " +
                                 fulfilment_calls[i]["method"].get<std::string>() + " " +
                                 fulfilment_calls[i]["path"].get<std::string>() + " -> 200";
    EXPECT_EQ(logged[i].rfind(expected, 0), 0u) << logged[i] << " vs " << expected;
  }
  // IT staff see the phone in the answers; the activity log never holds it.
  EXPECT_EQ(page.json["request"]["activity"].dump().find("5551299"), std::string::npos);
}

TEST_F(DuoAdminApiTest, UpdateForTuffytitanReplacesThePhoneAndDeletesTheOldOne) {
  auto duo = control();
  ApiClient dana = as("dcoordinator");
  const nlohmann::json answers = {{"account", "tuffytitan"},
                                  {"request_type", "update"},
                                  {"replace_last_four", "0101"},
                                  {"phone", "714 555 0155"}};
  duo.clear_log();
  const Reply checkout = order(dana, answers, "tuffytitan");
  ASSERT_EQ(checkout.status, 201) << checkout.body;
  const std::size_t reads = duo.calls().size();
  const Reply fulfilled = fulfil(host().port(), ritm_of(checkout));
  ASSERT_EQ(fulfilled.status, 200) << fulfilled.body;
  // The member phone on athletics-admin (0111) stays; 0101 had no other user: deleted.
  EXPECT_EQ(duo_numbers(duo, "tuffytitan"), (Numbers{"+17145550111", "+17145550155"}));
  EXPECT_FALSE(duo.state()["phones"].contains("+17145550101"));
  expect_all_signed_and_ok("Update for tuffytitan", duo.calls(), reads);
}

TEST_F(DuoAdminApiTest, RemoveFromAthleticsAdminLeavesTheMemberItsPhone) {
  auto duo = control();
  ApiClient dana = as("dcoordinator");
  const nlohmann::json answers = {{"account", "athletics-admin"},
                                  {"request_type", "remove"},
                                  {"members", {{{"user", "tuffytitan"}, {"last_four", "0111"}}}}};
  duo.clear_log();
  const Reply checkout = order(dana, answers, "dcoordinator");
  ASSERT_EQ(checkout.status, 201) << checkout.body;
  const std::size_t reads = duo.calls().size();
  const Reply fulfilled = fulfil(host().port(), ritm_of(checkout));
  ASSERT_EQ(fulfilled.status, 200) << fulfilled.body;
  EXPECT_EQ(duo_numbers(duo, "athletics-admin"), Numbers{"+17145550112"});
  const Numbers tuffy = duo_numbers(duo, "tuffytitan");
  EXPECT_NE(std::find(tuffy.begin(), tuffy.end(), "+17145550111"), tuffy.end());
  expect_all_signed_and_ok("Remove from athletics-admin", duo.calls(), reads);
}

TEST_F(DuoAdminApiTest, ANumberOnTheDuoAccountButNotInTheDemoLedgerIsRefused) {
  ApiClient dana = as("dcoordinator");
  const nlohmann::json answers = {
      {"account", "tessatitan"}, {"request_type", "add"}, {"phone", "714 555 0177"}};
  const Reply added = dana.post("/api/cart/items", duo_line(answers));
  EXPECT_EQ(added.status, 422) << added.body;
  EXPECT_TRUE(contains(errors_at(added, "phone"), "already on the Duo account")) << added.body;
}

TEST_F(DuoAdminApiTest, ALastFourOnlyDuoKnowsIsAcceptedForAnUpdate) {
  ApiClient dana = as("dcoordinator");
  const nlohmann::json answers = dana_replaces_her_athletics_phone();
  const Reply evaluated =
      dana.post("/api/catalog/items/duo-account-updates/evaluate", {{"answers", answers}});
  ASSERT_EQ(evaluated.status, 200) << evaluated.body;
  EXPECT_TRUE(evaluated.json["valid"].get<bool>()) << evaluated.body;
}

TEST_F(DuoAdminApiTest, RateLimitedThenSuccess) {
  auto duo = control();
  ApiClient dana = as("dcoordinator");
  const nlohmann::json answers = {
      {"account", "dcoordinator"}, {"request_type", "add"}, {"phone", "714 555 0188"}};
  const Reply checkout = order(dana, answers, "dcoordinator");
  ASSERT_EQ(checkout.status, 201) << checkout.body;
  duo.clear_log();
  duo.fail(429, 1, "POST", "/admin/v1/phones");
  const Reply fulfilled = fulfil(host().port(), ritm_of(checkout));
  ASSERT_EQ(fulfilled.status, 200) << fulfilled.body;
  const auto calls = duo.calls();
  int rate_limited = 0, creates = 0;
  for (const auto& call : calls) {
    rate_limited += call["status"] == 429;
    creates +=
        call["method"] == "POST" && call["path"] == "/admin/v1/phones" && call["status"] == 200;
  }
  EXPECT_EQ(rate_limited, 1);
  EXPECT_EQ(creates, 1);
  EXPECT_EQ(duo.state()["phones"]["+17145550188"], Numbers{"dcoordinator"});
}

TEST_F(DuoAdminApiTest, AWrongSignatureIsNeverRetriedAndNothingChanges) {
  auto duo = control();
  ApiClient dana = as("dcoordinator");
  const nlohmann::json answers = {
      {"account", "newhire"}, {"request_type", "add"}, {"phone", "714 555 0199"}};
  const Reply checkout = order(dana, answers, "dcoordinator");
  ASSERT_EQ(checkout.status, 201) << checkout.body;
  duo.clear_log();
  duo.fail(401, 1);
  const Reply refused = fulfil(host().port(), ritm_of(checkout));
  EXPECT_EQ(refused.status, 200) << refused.body;
  EXPECT_EQ(refused.json["item"]["state"], "failed") << "for IT staff to retry or reject";
  EXPECT_EQ(duo.calls().size(), 1u);  // the 401, and no retry
  const Numbers newhire = duo_numbers(duo, "newhire");
  EXPECT_EQ(std::find(newhire.begin(), newhire.end(), "+17145550199"), newhire.end());
  const std::string log = host().log();
  EXPECT_EQ(log.find(kDuoSkey), std::string::npos);
}

}  // namespace
}  // namespace servicedesk::test

namespace servicedesk::test {
namespace {

TEST_F(DuoAdminApiTest, MetricsCountDuoCallsByOutcome) {
  auto duo = control();
  duo.fail(429, 1, "GET", "/admin/v1/users");
  ApiClient dana = as("dcoordinator");
  const nlohmann::json answers = {
      {"account", "dcoordinator"}, {"request_type", "update"}, {"phone", "714 555 0111"}};
  dana.post("/api/cart/items", duo_line(answers));  // reads dcoordinator from Duo
  ApiClient helpdesk = as("helpdesk");
  const Reply metrics = helpdesk.get("/metrics");
  ASSERT_EQ(metrics.status, 200);
  EXPECT_TRUE(contains(metrics.body,
                       "servicedesk_plugin_events_total{plugin=\"duo-account-updates\","
                       "name=\"duo_calls\",outcome=\"ok\"}"))
      << metrics.body;
  EXPECT_TRUE(contains(metrics.body, "name=\"duo_calls\",outcome=\"rate_limited\""))
      << metrics.body;
  EXPECT_FALSE(contains(metrics.body, kDuoSkey));
}

}  // namespace
}  // namespace servicedesk::test
