// The IT staff fulfilment queue: list, fulfil, reject with a reason mailed to the submitter.
#include "api_fixture.hpp"

namespace servicedesk::test {
namespace {

using FulfilmentTest = HostApiTest;

std::string submit(ApiClient& client, const std::string& phone) {
  EXPECT_EQ(client
                .post("/api/cart/items",
                      {{"item", "duo-account-updates"}, {"answers", duo_add_for_newhire(phone)}})
                .status,
            201);
  Reply done = client.post("/api/cart/checkout", {{"requested_for", "newhire"}});
  EXPECT_EQ(done.status, 201) << done.body;
  return done.json["request"]["items"][0].value("number", "");
}

bool queued(ApiClient& staff, const std::string& ritm) {
  const Reply queue = staff.get("/api/fulfilment/queue");
  for (const auto& item : queue.json["items"])
    if (item["number"] == ritm) return true;
  return false;
}

TEST_F(FulfilmentTest, OnlyItStaffSeeTheQueue) {
  const Reply refused = as("dcoordinator").get("/api/fulfilment/queue");
  EXPECT_EQ(refused.status, 403);
  EXPECT_EQ(refused.error(), "Only IT staff can see the fulfilment queue.");
  ApiClient staff = as("helpdesk");
  Reply queue = staff.get("/api/fulfilment/queue");
  ASSERT_EQ(queue.status, 200);
  EXPECT_TRUE(queue.json["items"].is_array());
}

TEST_F(FulfilmentTest, FulfilledItemLeavesQueueAndMailsBothPeople) {
  ApiClient ditc = as("dcoordinator");
  const std::string ritm = submit(ditc, "714 555 3001");
  ApiClient staff = as("helpdesk");
  ASSERT_TRUE(queued(staff, ritm));
  const Reply queue = staff.get("/api/fulfilment/queue");
  for (const auto& item : queue.json["items"]) {
    if (item["number"] != ritm) continue;
    EXPECT_EQ(item["state"], "open");
    EXPECT_EQ(item["opened_by"], "dcoordinator");
    EXPECT_EQ(item["requested_for"], "newhire");
    EXPECT_EQ(item["item"], "duo-account-updates");
    EXPECT_NE(item["summary"].get<std::string>().find("3001"), std::string::npos);
  }
  const Reply not_staff =
      ditc.post("/api/fulfilment/" + ritm + "/fulfil", nlohmann::json::object());
  EXPECT_EQ(not_staff.status, 403);
  EXPECT_EQ(not_staff.error(), "Only IT staff can fulfil requests.");
  Reply done = staff.post("/api/fulfilment/" + ritm + "/fulfil", nlohmann::json::object());
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(done.json["item"]["state"], "fulfilled");
  EXPECT_FALSE(queued(staff, ritm));
  const Reply twice = staff.post("/api/fulfilment/" + ritm + "/fulfil", nlohmann::json::object());
  EXPECT_EQ(twice.status, 409);
  EXPECT_EQ(twice.error(), "This item is already fulfilled.");
  const Reply unknown = staff.post("/api/fulfilment/RITM9999999/fulfil", nlohmann::json::object());
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(unknown.error(), "No such requested item.");

  const std::string subject = "Subject: " + ritm + " ";
  ASSERT_TRUE(eventually([&] {
    int count = 0;
    for (const auto& file : files_in(data_dir() / "mail" / "new"))
      count += read_file(file).find(subject) != std::string::npos;
    return count == 2;
  }));
  // The ledger now has the phone: adding it again is refused.
  Reply again = ditc.post("/api/cart/items", {{"item", "duo-account-updates"},
                                              {"answers", duo_add_for_newhire("714 555 3001")}});
  EXPECT_EQ(again.status, 422);
}

TEST_F(FulfilmentTest, RejectionNeedsReasonAndMailsItToSubmitter) {
  ApiClient ditc = as("dcoordinator");
  const std::string ritm = submit(ditc, "714 555 3002");
  ApiClient staff = as("rhernandez");
  Reply no_reason = staff.post("/api/fulfilment/" + ritm + "/reject", nlohmann::json::object());
  EXPECT_EQ(no_reason.status, 422);
  EXPECT_TRUE(queued(staff, ritm));
  Reply done = staff.post("/api/fulfilment/" + ritm + "/reject",
                          {{"reason", "The employee has not started yet."}});
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(done.json["item"]["state"], "rejected");
  EXPECT_FALSE(queued(staff, ritm));

  const std::string subject = "Subject: " + ritm + " ";
  std::vector<std::string> mails;
  ASSERT_TRUE(eventually([&] {
    mails.clear();
    for (const auto& file : files_in(data_dir() / "mail" / "new")) {
      std::string text = read_file(file);
      if (text.find(subject) != std::string::npos) mails.push_back(text);
    }
    return !mails.empty();
  }));
  EXPECT_EQ(mails.size(), 1u);
  EXPECT_NE(mails[0].find("dcoordinator@example.edu"), std::string::npos);
  EXPECT_NE(mails[0].find("The employee has not started yet."), std::string::npos);
}

}  // namespace
}  // namespace servicedesk::test
