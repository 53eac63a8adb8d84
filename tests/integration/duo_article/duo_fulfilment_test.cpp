// After the article: IT staff fulfil or reject each RITM; only fulfilment changes Duo.
#include "duo_article.hpp"

namespace servicedesk::test {
namespace {

class DuoFulfilment : public HostApiTest {};

TEST_F(DuoFulfilment, FulfilledAddChangesTheLedgerAndMailsTheSubmitter) {
  ApiClient ditc = as("dcoordinator");
  const Reply done = order(ditc, duo_add_for_newhire("714-555-0131"), "newhire");
  ASSERT_EQ(done.status, 201) << done.body;
  const std::string ritm = done.json["request"]["items"][0]["number"];

  // Before fulfilment the ledger is unchanged: the same number can still be asked for.
  ASSERT_EQ(ditc.post("/api/cart/items", duo_line(duo_add_for_newhire("714-555-0131"))).status,
            201);
  ditc = as("dcoordinator");

  ApiClient staff = as("helpdesk");
  EXPECT_EQ(ditc.get("/api/fulfilment/queue").status, 403) << "only IT staff see the queue";
  const Reply queue = staff.get("/api/fulfilment/queue");
  ASSERT_EQ(queue.status, 200);
  EXPECT_TRUE(contains(queue.body, ritm));
  const Reply fulfilled =
      staff.post("/api/fulfilment/" + ritm + "/fulfil", nlohmann::json::object());
  ASSERT_EQ(fulfilled.status, 200) << fulfilled.body;

  const Reply again = ditc.post("/api/cart/items", duo_line(duo_add_for_newhire("714-555-0131")));
  EXPECT_EQ(again.status, 422) << "the number is on the account now: " << again.body;
  const Reply request =
      ditc.get("/api/requests/" + done.json["request"]["number"].get<std::string>());
  EXPECT_TRUE(contains(request.body, "fulfilled")) << request.body;
}

TEST_F(DuoFulfilment, RejectionKeepsTheLedgerAndMailsTheReason) {
  ApiClient ditc = as("dcoordinator");
  const Reply done = order(ditc, duo_add_for_newhire("714-555-0132"), "dcoordinator");
  ASSERT_EQ(done.status, 201) << done.body;
  const std::string req = done.json["request"]["number"];
  const std::string ritm = done.json["request"]["items"][0]["number"];

  ApiClient staff = as("helpdesk");
  const Reply rejected = staff.post("/api/fulfilment/" + ritm + "/reject",
                                    {{"reason", "Please confirm the employee's start date."}});
  ASSERT_EQ(rejected.status, 200) << rejected.body;
  const auto mails = mails_for(data_dir(), req, 2);
  bool reason_mailed = false;
  for (const auto& mail : mails)
    reason_mailed |= contains(mail, "confirm the employee's start date");
  EXPECT_TRUE(reason_mailed);
  EXPECT_EQ(ditc.post("/api/cart/items", duo_line(duo_add_for_newhire("714-555-0132"))).status, 201)
      << "a rejected request changes nothing in Duo";
  EXPECT_EQ(staff.post("/api/fulfilment/" + ritm + "/fulfil", nlohmann::json::object()).status, 409)
      << "a decided RITM cannot be decided again";
}

}  // namespace
}  // namespace servicedesk::test
