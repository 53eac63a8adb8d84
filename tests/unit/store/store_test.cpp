// The Store contract, run against SQLite and PostgreSQL alike: carts, checkout, numbers,
// decisions, the outbox and sessions, and what survives reopening the store.
#include <set>
#include <thread>

#include "store_backends.hpp"
#include "store_orders.hpp"

namespace servicedesk::test {
namespace {

using host::CartLine;
using host::CheckoutOrder;
using host::StoreError;

CartLine line_for(const std::string& item) {
  CartLine line;
  line.item_id = item;
  line.answers = {{"item", item}};
  line.summary = "summary of " + item;
  return line;
}

/// An order for everything in `username`'s cart, numbers reserved, one mail per line.
CheckoutOrder order_for(host::Store& store, const std::string& username) {
  CheckoutOrder order;
  order.opened_by = username;
  order.requested_for = "newhire";
  for (const auto& line : store.cart(username)) {
    order.cart_line_ids.push_back(line.id);
    order.items.push_back({line.item_id, "Name of " + line.item_id, line.answers, line.summary});
  }
  order.numbers = *store.reserve_numbers(order.items.size());
  for (const auto& number : order.numbers.item_numbers)
    order.mails.push_back(mail_to(username, number));
  return order;
}

class StoreContract : public testing::TestWithParam<Backend> {
 protected:
  StoreUnderTest store{GetParam()};
};

TEST_P(StoreContract, CartKeepsLinesInOrderAndRefusesAStaleView) {
  StoreError error = StoreError::none;
  auto first = store->add_cart_line("dcoordinator", line_for("duo"), {}, error);
  ASSERT_TRUE(first);
  auto second = store->add_cart_line("dcoordinator", line_for("software"), {first->id}, error);
  ASSERT_TRUE(second);
  EXPECT_FALSE(store->add_cart_line("dcoordinator", line_for("late"), {first->id}, error));
  EXPECT_EQ(error, StoreError::conflict);

  const auto lines = store->cart("dcoordinator");
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].item_id, "duo");
  EXPECT_EQ(lines[1].answers["item"], "software");
  EXPECT_TRUE(store->cart("tuffytitan").empty());
  EXPECT_FALSE(store->remove_cart_line("tuffytitan", first->id));  // not theirs
  EXPECT_TRUE(store->remove_cart_line("dcoordinator", first->id));
  EXPECT_EQ(store->cart("dcoordinator").size(), 1u);
}

TEST_P(StoreContract, CheckoutWritesRequestItemsAndMailsAndEmptiesTheCart) {
  StoreError error = StoreError::none;
  ASSERT_TRUE(store->add_cart_line("dcoordinator", line_for("duo"), {}, error));
  const CheckoutOrder order = order_for(*store, "dcoordinator");
  ASSERT_TRUE(store->checkout(order).ok());

  EXPECT_TRUE(store->cart("dcoordinator").empty());
  const auto request = store->request(order.numbers.request_number);
  ASSERT_TRUE(request);
  EXPECT_EQ(request->requested_for, "newhire");
  ASSERT_EQ(request->items.size(), 1u);
  EXPECT_EQ(request->items[0].number, order.numbers.item_numbers[0]);
  EXPECT_EQ(request->items[0].state, "open");
  ASSERT_EQ(request->notifications.size(), 1u);
  EXPECT_EQ(request->notifications[0].state, host::DeliveryState::pending);
  EXPECT_EQ(store->requests_for("newhire").size(), 1u);
  EXPECT_EQ(store->depth(), 1u);
  EXPECT_EQ(store->checkout_count(), 1u);
}

TEST_P(StoreContract, CheckoutOfAChangedCartIsAConflictAndWritesNothing) {
  StoreError error = StoreError::none;
  ASSERT_TRUE(store->add_cart_line("dcoordinator", line_for("duo"), {}, error));
  CheckoutOrder order = order_for(*store, "dcoordinator");
  ASSERT_TRUE(store->add_cart_line("dcoordinator", line_for("more"), order.cart_line_ids, error));
  EXPECT_EQ(store->checkout(order).error, StoreError::conflict);
  EXPECT_FALSE(store->request(order.numbers.request_number));
  EXPECT_EQ(store->depth(), 0u);
  EXPECT_EQ(store->cart("dcoordinator").size(), 2u);
}

TEST_P(StoreContract, NumbersAreUniqueAcrossConcurrentCallersAndNeverReused) {
  auto other = store.another();  // a second host on the same data
  std::vector<std::string> numbers[4];
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      host::Store& target = t % 2 ? *other : *store;
      for (int i = 0; i < 25; ++i) {
        auto reserved = target.reserve_numbers(2);
        ASSERT_TRUE(reserved);
        numbers[t].push_back(reserved->request_number);
        for (const auto& item : reserved->item_numbers) numbers[t].push_back(item);
      }
    });
  for (auto& thread : threads) thread.join();
  std::set<std::string> unique;
  for (const auto& list : numbers) unique.insert(list.begin(), list.end());
  EXPECT_EQ(unique.size(), 4u * 25u * 3u);
  EXPECT_TRUE(unique.count("REQ0000001"));
  EXPECT_TRUE(unique.count("RITM0000200"));
  EXPECT_EQ(store->reserve_numbers(0)->request_number, "REQ0000101");
}

TEST_P(StoreContract, ADecisionIsTakenOnceWithItsMails) {
  StoreError error = StoreError::none;
  ASSERT_TRUE(store->add_cart_line("dcoordinator", line_for("duo"), {}, error));
  const CheckoutOrder order = order_for(*store, "dcoordinator");
  ASSERT_TRUE(store->checkout(order).ok());
  const std::string item = order.numbers.item_numbers[0];
  ASSERT_EQ(store->open_items().size(), 1u);

  host::ItemDecision decision{item, "fulfilled", "helpdesk", "", {mail_to("newhire", item)}};
  EXPECT_EQ(store->decide(decision), StoreError::none);
  decision.state = "rejected";
  EXPECT_EQ(store->decide(decision), StoreError::conflict);
  EXPECT_EQ(store->request_item(item)->state, "fulfilled");
  EXPECT_EQ(store->request_item(item)->decided_by, "helpdesk");
  EXPECT_TRUE(store->open_items().empty());
  EXPECT_EQ(store->depth(), 2u);
}

TEST_P(StoreContract, OutboxHandsOutDueMailUntilSentAndHoldsFailuresUntilTheirTime) {
  ASSERT_TRUE(store->enqueue_mail(mail_to("tuffytitan")));
  ASSERT_TRUE(store->enqueue_mail(mail_to("newhire")));
  const auto now = std::chrono::system_clock::now();
  const auto due = store->due(now, 10);
  ASSERT_EQ(due.size(), 2u);
  EXPECT_EQ(due[0].to_address, "tuffytitan@example.edu");
  store->mark_sent(due[0].id, now);
  store->mark_failed(due[1].id, "451 try later", now + std::chrono::minutes(5));
  EXPECT_EQ(store->depth(), 1u);
  EXPECT_TRUE(store->due(now + std::chrono::minutes(1), 10).empty());
  const auto retry = store->due(now + std::chrono::minutes(6), 10);
  ASSERT_EQ(retry.size(), 1u);
  EXPECT_EQ(retry[0].attempts, 1);
  EXPECT_EQ(store->delivery_failures(), 1u);
}

TEST_P(StoreContract, ARequestsMailWaitsWhileAnEarlierOneToTheSameAddressWaits) {
  StoreError error = StoreError::none;
  ASSERT_TRUE(store->add_cart_line("dcoordinator", line_for("a"), {}, error));
  CheckoutOrder order = order_for(*store, "dcoordinator");  // one mail to dcoordinator
  order.mails.push_back(mail_to("dcoordinator", order.numbers.item_numbers[0]));
  order.mails.push_back(mail_to("newhire", order.numbers.item_numbers[0]));
  ASSERT_TRUE(store->checkout(order).ok());
  const auto now = std::chrono::system_clock::now();
  const auto due = store->due(now, 10);
  ASSERT_EQ(due.size(), 3u) << "all due together, in order";
  EXPECT_LT(due[0].id, due[1].id);
  store->mark_failed(due[0].id, "451 try later", now + std::chrono::minutes(5));
  store->release(due[1].id);
  store->release(due[2].id);
  const auto meanwhile = store->due(now + std::chrono::minutes(1), 10);
  ASSERT_EQ(meanwhile.size(), 1u) << "the second mail to dcoordinator waits for the first";
  EXPECT_EQ(meanwhile[0].to_address, "newhire@example.edu");
  store->mark_sent(meanwhile[0].id, now);
  const auto later = store->due(now + std::chrono::minutes(6), 10);
  ASSERT_EQ(later.size(), 2u);
  EXPECT_EQ(later[0].id, due[0].id);
  EXPECT_EQ(later[1].id, due[1].id);
}

TEST_P(StoreContract, SessionsAreSharedByHostsExpireAndEnd) {
  auto other = store.another();
  const std::int64_t now = 1'000'000'000;
  ASSERT_TRUE(store->save_session({"key-1", "dcoordinator", "csrf-1", now}));
  const auto found = other->find_session("key-1", now - 1000);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->username, "dcoordinator");
  EXPECT_EQ(found->csrf_token, "csrf-1");
  EXPECT_FALSE(other->find_session("key-1", now + 1));  // idle too long
  other->touch_session("key-1", now + 5000);
  EXPECT_TRUE(store->find_session("key-1", now + 1));
  EXPECT_EQ(store->session_count(now), 1u);
  EXPECT_EQ(store->expire_sessions(now + 10000), 1u);
  EXPECT_FALSE(store->find_session("key-1", 0));

  ASSERT_TRUE(store->save_session({"key-2", "tuffytitan", "csrf-2", now}));
  other->delete_session("key-2");
  EXPECT_FALSE(store->find_session("key-2", 0));
}

TEST_P(StoreContract, EverythingSurvivesReopeningTheStore) {
  StoreError error = StoreError::none;
  ASSERT_TRUE(store->add_cart_line("dcoordinator", line_for("duo"), {}, error));
  ASSERT_TRUE(store->save_session({"key-1", "dcoordinator", "csrf-1", 5}));
  const auto reserved = store->reserve_numbers(1);
  store->close();
  store.reset();
  auto reopened = store.another();
  EXPECT_EQ(reopened->cart("dcoordinator").size(), 1u);
  EXPECT_TRUE(reopened->find_session("key-1", 0));
  EXPECT_GT(reopened->reserve_numbers(1)->request_number, reserved->request_number);
  std::string detail;
  EXPECT_TRUE(reopened->healthy(detail)) << detail;
}

TEST_P(StoreContract, AFulfilmentJobIsHeldByOneHostAndTakenOverWhenItsLeaseRunsOut) {
  StoreError error = StoreError::none;
  ASSERT_TRUE(store->add_cart_line("dcoordinator", line_for("duo"), {}, error));
  const CheckoutOrder order = order_for(*store, "dcoordinator");
  ASSERT_TRUE(store->checkout(order).ok());
  const std::string item = order.numbers.item_numbers[0];
  ASSERT_EQ(store->start_fulfilment(item, "helpdesk"), StoreError::none);
  EXPECT_EQ(store->start_fulfilment(item, "helpdesk"), StoreError::conflict);

  auto other = store.another();
  const auto now = std::chrono::system_clock::now();
  const auto lease = std::chrono::milliseconds(1000);
  const auto first = store->claim_due("host-a", now, lease, 10);
  ASSERT_EQ(first.size(), 1u);
  EXPECT_EQ(first[0].item_number, item);
  EXPECT_TRUE(other->claim_due("host-b", now, lease, 10).empty());  // held by host A

  const auto later = now + std::chrono::milliseconds(1500);  // host A's lease ran out
  const auto taken = other->claim_due("host-b", later, lease, 10);
  ASSERT_EQ(taken.size(), 1u);
  EXPECT_EQ(store->finish_job(first[0].claim, {}, "done"), StoreError::conflict);
  EXPECT_EQ(other->finish_job(taken[0].claim, {mail_to("newhire", item)}, "done"),
            StoreError::none);
  EXPECT_EQ(store->request_item(item)->state, "fulfilled");
  EXPECT_EQ(store->job_counts().waiting, 0u);
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreContract,
                         testing::Values(Backend::sqlite, Backend::postgres), backend_name);

}  // namespace
}  // namespace servicedesk::test

int main(int argc, char** argv) {
  testing::InitGoogleTest(&argc, argv);
  testing::AddGlobalTestEnvironment(new servicedesk::test::SharedPostgres);
  return RUN_ALL_TESTS();
}
