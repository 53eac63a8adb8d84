// The JobQueue contract on the SQLite store: one claim at a time, leases, claim-guarded ends.
#include <gtest/gtest.h>

#include "scratch.hpp"
#include "store/sqlite_store.hpp"

namespace servicedesk::host {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::system_clock;

class JobQueueTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string error;
    store_ = SqliteStore::open(dir_.path() / "jobs.db", error);
    ASSERT_TRUE(store_) << error;
  }
  /// Checks out one item for newhire; returns its RITM number.
  std::string open_item() {
    CheckoutOrder order;
    order.opened_by = "dcoordinator";
    order.requested_for = "newhire";
    order.items.push_back({"duo-account-updates", "DUO Account updates", {{"phone", "x"}}, "Add"});
    order.numbers = *store_->reserve_numbers(1);
    EXPECT_TRUE(store_->checkout(order).ok());
    return order.numbers.item_numbers[0];
  }
  std::string state_of(const std::string& ritm) { return store_->request_item(ritm)->state; }
  NewMail fulfilled_mail(const std::string& ritm) {
    return {ritm, "fulfilled", "newhire", "newhire@example.edu", "Nova Hire", ritm + " done", "ok"};
  }

  test::TempDir dir_;
  std::unique_ptr<SqliteStore> store_;
};

TEST_F(JobQueueTest, AJobIsHeldByOneClaimUntilItsLeaseEnds) {
  const std::string ritm = open_item();
  ASSERT_EQ(store_->start_fulfilment(ritm, "helpdesk"), StoreError::none);
  EXPECT_EQ(state_of(ritm), "fulfilling");
  EXPECT_EQ(store_->start_fulfilment(ritm, "helpdesk"), StoreError::conflict);

  const auto now = Clock::now();
  const auto a = store_->claim_due("host-a", now, 1000ms, 10);
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].item_number, ritm);
  EXPECT_EQ(a[0].decided_by, "helpdesk");
  EXPECT_TRUE(store_->claim_due("host-b", now + 500ms, 1000ms, 10).empty()) << "leased";
  EXPECT_TRUE(store_->renew_lease(a[0].claim, now + 2000ms));
  EXPECT_TRUE(store_->claim_due("host-b", now + 1500ms, 1000ms, 10).empty()) << "renewed";

  // host-a stops renewing (a crash): after the lease host-b takes the job over.
  const auto b = store_->claim_due("host-b", now + 2500ms, 1000ms, 10);
  ASSERT_EQ(b.size(), 1u);
  EXPECT_GT(b[0].claim.claim, a[0].claim.claim);
  EXPECT_FALSE(store_->renew_lease(a[0].claim, now + 9000ms));
  EXPECT_EQ(store_->finish_job(a[0].claim, {fulfilled_mail(ritm)}, "done"), StoreError::conflict);
  EXPECT_EQ(store_->depth(), 0u) << "a stale claim queues no mail";
  EXPECT_EQ(store_->finish_job(b[0].claim, {fulfilled_mail(ritm)}, "done"), StoreError::none);
  EXPECT_EQ(state_of(ritm), "fulfilled");
  EXPECT_EQ(store_->depth(), 1u) << "the fulfilled mail, in the same transaction";
  EXPECT_EQ(store_->finish_job(b[0].claim, {fulfilled_mail(ritm)}, "done"), StoreError::conflict);
  EXPECT_EQ(store_->depth(), 1u);
  EXPECT_TRUE(store_->claim_due("host-c", now + 60s, 1000ms, 10).empty());
}

TEST_F(JobQueueTest, ATemporaryFailureWaitsForItsNextAttempt) {
  const std::string ritm = open_item();
  ASSERT_EQ(store_->start_fulfilment(ritm, "helpdesk"), StoreError::none);
  const auto now = Clock::now();
  const auto first = store_->claim_due("host-a", now, 60s, 1);
  ASSERT_EQ(first.size(), 1u);
  ASSERT_EQ(store_->retry_job_later(first[0].claim, "Duo is down", now + 5s), StoreError::none);
  EXPECT_EQ(store_->job_counts().retrying, 1u);
  const auto item = store_->request_item(ritm);
  EXPECT_EQ(item->state, "fulfilling");
  EXPECT_EQ(item->attempts, 1);
  EXPECT_EQ(item->last_error, "Duo is down");
  EXPECT_TRUE(store_->claim_due("host-a", now + 4s, 60s, 1).empty());
  const auto second = store_->claim_due("host-a", now + 5s, 60s, 1);
  ASSERT_EQ(second.size(), 1u);
  EXPECT_EQ(second[0].attempts, 1);
}

TEST_F(JobQueueTest, AFailedItemIsRetriedOrRejectedByStaff) {
  const std::string ritm = open_item();
  ASSERT_EQ(store_->start_fulfilment(ritm, "helpdesk"), StoreError::none);
  auto jobs = store_->claim_due("host-a", Clock::now(), 60s, 1);
  ASSERT_EQ(store_->fail_job(jobs[0].claim, "Duo refused the change"), StoreError::none);
  EXPECT_EQ(state_of(ritm), "failed");
  EXPECT_EQ(store_->request_item(ritm)->reason, "Duo refused the change");
  EXPECT_EQ(store_->job_counts().failed, 1u);
  EXPECT_TRUE(store_->claim_due("host-a", Clock::now() + 1h, 60s, 1).empty());
  EXPECT_EQ(store_->retry_fulfilment("RITM9999999", "helpdesk"), StoreError::not_found);

  ASSERT_EQ(store_->retry_fulfilment(ritm, "rhernandez"), StoreError::none);
  EXPECT_EQ(state_of(ritm), "fulfilling");
  EXPECT_EQ(store_->request_item(ritm)->attempts, 0);
  EXPECT_EQ(store_->retry_fulfilment(ritm, "rhernandez"), StoreError::conflict);
  jobs = store_->claim_due("host-a", Clock::now() + 1s, 60s, 1);
  ASSERT_EQ(jobs.size(), 1u);
  EXPECT_EQ(jobs[0].decided_by, "rhernandez");
  ASSERT_EQ(store_->fail_job(jobs[0].claim, "still refused"), StoreError::none);

  ItemDecision reject{ritm, "rejected", "helpdesk", "Keys are rotated; order again.", {}};
  EXPECT_EQ(store_->decide(reject), StoreError::none);
  EXPECT_EQ(state_of(ritm), "rejected");
  EXPECT_EQ(store_->job_counts().failed, 0u);
  EXPECT_EQ(store_->retry_fulfilment(ritm, "helpdesk"), StoreError::conflict);
}

TEST_F(JobQueueTest, AHostStartingAgainTakesBackItsOwnClaimsAtOnce) {
  const std::string ritm = open_item();
  ASSERT_EQ(store_->start_fulfilment(ritm, "helpdesk"), StoreError::none);
  const auto now = Clock::now();
  ASSERT_EQ(store_->claim_due("host-a", now, 60s, 1).size(), 1u);
  EXPECT_EQ(store_->release_claims("host-b"), 0u);
  EXPECT_EQ(store_->release_claims("host-a"), 1u);
  EXPECT_EQ(store_->claim_due("host-a", now + 1ms, 60s, 1).size(), 1u);
}

TEST_F(JobQueueTest, AnItemFulfilledAtCheckoutIsWrittenWithItsJob) {
  CheckoutOrder order;
  order.opened_by = "dcoordinator";
  order.requested_for = "newhire";
  NewRequestItem item{"duo-account-updates", "DUO Account updates", {{"phone", "x"}}, "Add"};
  item.fulfil_at_checkout = true;
  order.items.push_back(item);
  order.numbers = *store_->reserve_numbers(1);
  ASSERT_TRUE(store_->checkout(order).ok());
  const std::string ritm = order.numbers.item_numbers[0];
  EXPECT_EQ(state_of(ritm), "fulfilling");
  const auto jobs = store_->claim_due("host-a", Clock::now() + 1ms, 60s, 5);
  ASSERT_EQ(jobs.size(), 1u);
  EXPECT_EQ(jobs[0].item_number, ritm);
  EXPECT_EQ(jobs[0].decided_by, "automatic");
}

}  // namespace
}  // namespace servicedesk::host
