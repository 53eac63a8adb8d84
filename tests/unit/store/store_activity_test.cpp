// The store's form versions and activity log, on SQLite and PostgreSQL alike: each change
// writes its rows in its own transaction, a refused change writes none.
#include <chrono>
#include <thread>

#include <gmock/gmock.h>

#include "store_backends.hpp"
#include "store_orders.hpp"

namespace servicedesk::test {
namespace {

using host::StoreError;
using testing::ElementsAre;

const nlohmann::json kFields = nlohmann::json::parse(R"([
  {"id": "mailbox_name", "label": "Mailbox name", "type": "text"},
  {"id": "phone", "label": "Phone", "type": "phone", "sensitive": true}])");

class StoreActivity : public testing::TestWithParam<Backend> {
 protected:
  StoreUnderTest store{GetParam()};
};

TEST_P(StoreActivity, AnItemKeepsTheFormVersionItWasSubmittedWith) {
  const auto first = check_out(*store, "dcoordinator", "newhire", "mailbox", kFields, "v1");
  const auto again = check_out(*store, "dcoordinator", "newhire", "mailbox", kFields, "v1");
  nlohmann::json renamed = kFields;
  renamed[0]["label"] = "Shared mailbox";
  const auto later = check_out(*store, "dcoordinator", "newhire", "mailbox", renamed, "v2");
  const auto bare = check_out(*store, "dcoordinator", "newhire", "mailbox");

  EXPECT_EQ(store->request_item(first.numbers.item_numbers[0])->form_fields, kFields);
  EXPECT_EQ(store->request_item(again.numbers.item_numbers[0])->form_fields, kFields);
  EXPECT_EQ(store->request_item(later.numbers.item_numbers[0])->form_fields[0]["label"],
            "Shared mailbox");
  EXPECT_TRUE(store->request_item(bare.numbers.item_numbers[0])->form_fields.is_null());
  // The versions survive a restart, and the request read carries them too.
  store.reset();
  auto reopened = store.another();
  EXPECT_EQ(reopened->request(first.numbers.request_number)->items[0].form_fields, kFields);
  EXPECT_GT(reopened->request(first.numbers.request_number)->items[0].created_at_ms, 0);
}

TEST_P(StoreActivity, FormVersionsAreListedPerItemNewestFirstWithTheirItemCount) {
  EXPECT_TRUE(store->form_versions("mailbox").empty());
  check_out(*store, "dcoordinator", "newhire", "mailbox", kFields, "v1");
  check_out(*store, "dcoordinator", "newhire", "mailbox", kFields, "v1");
  nlohmann::json renamed = kFields;
  renamed[0]["label"] = "Shared mailbox";
  std::this_thread::sleep_for(std::chrono::milliseconds(5));  // a later load time
  check_out(*store, "dcoordinator", "newhire", "mailbox", renamed, "v2");
  check_out(*store, "dcoordinator", "newhire", "other", kFields, "v9");
  check_out(*store, "dcoordinator", "newhire", "mailbox");  // stored without a version

  const auto versions = store->form_versions("mailbox");
  ASSERT_EQ(versions.size(), 2u);
  EXPECT_EQ(versions[0].content_hash, "v2");
  EXPECT_EQ(versions[0].items, 1u);
  EXPECT_EQ(versions[1].content_hash, "v1");
  EXPECT_EQ(versions[1].items, 2u);
  EXPECT_GT(versions[0].loaded_at_ms, versions[1].loaded_at_ms);
  EXPECT_GT(versions[1].loaded_at_ms, 0);
  // The limit keeps the newest; another item's versions are its own.
  const auto newest = store->form_versions("mailbox", 1);
  ASSERT_EQ(newest.size(), 1u);
  EXPECT_EQ(newest[0].content_hash, "v2");
  ASSERT_EQ(store->form_versions("other").size(), 1u);
  EXPECT_TRUE(store->form_versions("no-such-item").empty());
}

TEST_P(StoreActivity, CheckoutDecisionAndDeliveryEachLogTheirRowsNewestFirst) {
  const auto order = check_out(*store, "dcoordinator", "newhire", "mailbox", kFields, "v1");
  const std::string& req = order.numbers.request_number;
  const std::string& ritm = order.numbers.item_numbers[0];
  EXPECT_THAT(kinds(store->activity(req)), ElementsAre("mail_queued", "submitted"));

  host::ItemDecision decision{ritm, "rejected", "helpdesk", "Use the group mailbox instead.", {}};
  decision.mails.push_back({ritm, "rejected", "dcoordinator", "d@example.edu", "D", "S", "B"});
  ASSERT_EQ(store->decide(decision), StoreError::none);
  // A second decision is refused and leaves no trace.
  ASSERT_EQ(store->decide(decision), StoreError::conflict);
  const auto rows = store->activity(req);
  ASSERT_THAT(kinds(rows), ElementsAre("mail_queued", "rejected", "mail_queued", "submitted"));
  EXPECT_EQ(rows[1].actor, "helpdesk");
  EXPECT_EQ(rows[1].detail, "Use the group mailbox instead.");
  EXPECT_EQ(rows[1].item_number, ritm);
  EXPECT_EQ(rows[0].detail, "rejected mail to dcoordinator");
  EXPECT_EQ(rows[3].actor, "dcoordinator");

  const auto due = store->due(std::chrono::system_clock::now(), 10);
  ASSERT_EQ(due.size(), 2u);
  store->mark_sent(due[0].id, std::chrono::system_clock::now());
  const auto after = store->activity(req);
  EXPECT_EQ(after[0].kind, "mail_sent");
  EXPECT_EQ(after[0].actor, "system");
  EXPECT_EQ(after[0].detail, "submitted mail to dcoordinator");
  EXPECT_TRUE(store->activity("REQ9999999").empty());
}

TEST_P(StoreActivity, AJobLogsWhoStartedItTheCallsItMadeAndHowItEnded) {
  const auto order = check_out(*store, "dcoordinator", "newhire", "duo", kFields, "v1");
  const std::string& req = order.numbers.request_number;
  const std::string& ritm = order.numbers.item_numbers[0];
  ASSERT_EQ(store->start_fulfilment(ritm, "helpdesk"), StoreError::none);
  const auto now = std::chrono::system_clock::now();
  auto jobs = store->claim_due("host-a", now, std::chrono::seconds(30), 1);
  ASSERT_EQ(jobs.size(), 1u);
  ASSERT_EQ(
      store->retry_job_later(
          jobs[0].claim, {"Duo did not answer.", {"duo call POST /admin/v1/phones -> 503"}}, now),
      StoreError::none);
  jobs = store->claim_due("host-a", now + std::chrono::seconds(1), std::chrono::seconds(30), 1);
  ASSERT_EQ(jobs.size(), 1u);
  ASSERT_EQ(store->fail_job(jobs[0].claim,
                            {"Duo refused the phone.", {"duo call POST /admin/v1/phones -> 400"}}),
            StoreError::none);
  ASSERT_EQ(store->retry_fulfilment(ritm, "helpdesk2"), StoreError::none);
  jobs = store->claim_due("host-a", now + std::chrono::seconds(2), std::chrono::seconds(30), 1);
  ASSERT_EQ(jobs.size(), 1u);
  ASSERT_EQ(store->finish_job(
                jobs[0].claim, {},
                {"Added +1 ***-***-0188 to Hire, Nova",
                 {"duo call GET /admin/v1/users -> 200", "duo call POST /admin/v1/phones -> 200"}}),
            StoreError::none);

  const auto rows = store->activity(req);
  ASSERT_THAT(kinds(rows),
              ElementsAre("fulfilled", "fulfilment_call", "fulfilment_call", "fulfilment_retried",
                          "failed", "fulfilment_call", "retry_scheduled", "fulfilment_call",
                          "fulfilment_started", "mail_queued", "submitted"));
  EXPECT_EQ(rows[0].detail, "Added +1 ***-***-0188 to Hire, Nova");
  EXPECT_EQ(rows[1].detail, "duo call POST /admin/v1/phones -> 200");
  EXPECT_EQ(rows[2].detail, "duo call GET /admin/v1/users -> 200");
  EXPECT_EQ(rows[3].actor, "helpdesk2");
  EXPECT_EQ(rows[4].detail, "Duo refused the phone.");
  EXPECT_EQ(rows[8].actor, "helpdesk");
  for (const auto& row : rows) EXPECT_EQ(row.item_number, ritm) << row.kind;
}

TEST_P(StoreActivity, RowsOfNoOtherChangeAreRecordedOnTheirOwn) {
  const auto order = check_out(*store, "dcoordinator", "newhire", "duo", kFields, "v1");
  const std::string& req = order.numbers.request_number;
  ASSERT_TRUE(store->record_activity({{0, req, order.numbers.item_numbers[0], 42, "helpdesk",
                                       "sensitive_viewed", "viewed phone (Phone) in full"}}));
  const auto rows = store->activity(req);
  EXPECT_EQ(rows[0].kind, "sensitive_viewed");
  EXPECT_EQ(rows[0].at_ms, 42);
  EXPECT_EQ(store->activity(req, 1).size(), 1u);
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreActivity,
                         testing::Values(Backend::sqlite, Backend::postgres), backend_name);

}  // namespace
}  // namespace servicedesk::test
