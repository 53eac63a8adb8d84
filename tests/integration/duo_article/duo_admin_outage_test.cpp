// Duo goes away and comes back: clear refusals meanwhile, nothing lost, no duplicate phones.
#include "duo_admin_api.hpp"

namespace servicedesk::test {
namespace {

using Numbers = std::vector<std::string>;

class DuoOutageTest : public DuoAdminApiTest {
 protected:
  /// Starts the fake again on its port and folder, as when Duo is back.
  static void restart_duo() {
    const int port = duo_->port();
    duo_.reset();
    duo_ = std::make_unique<FakeDuo>(folder() / "duo", kDuoApiHost, kDuoIkey, "DUO_SKEY", port);
  }
};

TEST_F(DuoOutageTest, DuoDownThenBackLosesNothingAndDuplicatesNothing) {
  ApiClient dana = as("dcoordinator");
  const nlohmann::json answers = {
      {"account", "tessatitan"}, {"request_type", "add"}, {"phone", "714 555 0133"}};
  const Reply checkout = order(dana, answers, "tessatitan");
  ASSERT_EQ(checkout.status, 201) << checkout.body;
  const std::string ritm = ritm_of(checkout);

  duo_->stop();
  // The rules cannot read Duo: a plain refusal, never a 5xx, and nothing is written. At
  // evaluate the last four digits are checked against Duo; at add-to-cart every check is.
  const nlohmann::json update = {
      {"account", "athletics-admin"},
      {"request_type", "update"},
      {"members", {{{"user", "dcoordinator"}, {"last_four", "0112"}, {"phone", "714 555 0166"}}}}};
  const Reply evaluated =
      dana.post("/api/catalog/items/duo-account-updates/evaluate", {{"answers", update}});
  EXPECT_EQ(evaluated.status, 200) << evaluated.body;
  EXPECT_FALSE(evaluated.json["valid"].get<bool>());
  EXPECT_TRUE(
      contains(evaluated.body, "Duo cannot be reached right now; try again in a few minutes."))
      << evaluated.body;
  const nlohmann::json other = {
      {"account", "newhire"}, {"request_type", "add"}, {"phone", "714 555 0144"}};
  const Reply refused = dana.post("/api/cart/items", duo_line(other));
  EXPECT_EQ(refused.status, 422) << refused.body;
  EXPECT_TRUE(contains(errors_at(refused, "account"), "Duo cannot be reached right now"));
  EXPECT_TRUE(dana.get("/api/cart").json["lines"].empty());

  // Fulfilment fails for now without losing the request: its job waits to retry.
  const Reply failed = fulfil(host().port(), ritm);
  EXPECT_EQ(failed.status, 202) << failed.body;
  EXPECT_EQ(failed.json["item"]["state"], "fulfilling");
  EXPECT_TRUE(contains(failed.body, "Duo cannot be reached")) << failed.body;
  EXPECT_EQ(fulfil(host().port(), ritm).status, 409) << "its job is already running";

  restart_duo();
  ASSERT_TRUE(eventually([&] { return queue_state(host().port(), ritm).empty(); }, 15));
  auto duo = control();
  EXPECT_EQ(duo_numbers(duo, "tessatitan"), (Numbers{"+17145550133", "+17145550177"}));
  EXPECT_EQ(duo.state()["phones"]["+17145550133"], Numbers{"tessatitan"});
  // A second decision on the same RITM changes nothing.
  EXPECT_EQ(fulfil(host().port(), ritm).status, 409);
  EXPECT_EQ(duo.state()["phones"].size(), 6u);  // five seeded numbers and the new one
}

TEST_F(DuoOutageTest, AServerErrorBeforeACreateIsRecoveredByRunningAgain) {
  ApiClient dana = as("dcoordinator");
  const nlohmann::json answers = {
      {"account", "newhire"}, {"request_type", "add"}, {"phone", "714 555 0122"}};
  const Reply checkout = order(dana, answers, "newhire");
  ASSERT_EQ(checkout.status, 201) << checkout.body;
  auto duo = control();
  duo.fail(500, 3, "POST", "/admin/v1/users/");  // the association fails three times
  const Reply failed = fulfil(host().port(), ritm_of(checkout));
  EXPECT_EQ(failed.status, 202) << failed.body;
  EXPECT_EQ(failed.json["item"]["attempts"], 1) << failed.body;
  EXPECT_EQ(duo.state()["phones"]["+17145550122"], Numbers{});  // created, not yet associated
  // The job runs again by itself after its backoff.
  ASSERT_TRUE(eventually([&] { return queue_state(host().port(), ritm_of(checkout)).empty(); }));
  EXPECT_EQ(duo.state()["phones"]["+17145550122"], Numbers{"newhire"});  // reused, not duplicated
}

TEST_F(DuoOutageTest, LongPhoneListsAreReadPageByPage) {
  auto duo = control();
  duo.page_size(1);
  duo.clear_log();
  ApiClient dana = as("dcoordinator");
  const nlohmann::json answers = dana_replaces_her_athletics_phone();
  const Reply evaluated =
      dana.post("/api/catalog/items/duo-account-updates/evaluate", {{"answers", answers}});
  duo.page_size(500);
  EXPECT_TRUE(evaluated.json["valid"].get<bool>()) << evaluated.body;
  int pages = 0;
  for (const auto& call : duo.calls()) pages += call["query"].contains("offset");
  EXPECT_GE(pages, 4);  // two phones on each of the two users, one per page
}

}  // namespace
}  // namespace servicedesk::test
