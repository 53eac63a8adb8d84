// The working queue's store query on SQLite and PostgreSQL alike: states, item, age, number,
// people, order and pages.
#include <gmock/gmock.h>

#include <thread>

#include "store_backends.hpp"
#include "store_orders.hpp"

namespace servicedesk::test {
namespace {

using host::QueueQuery;
using testing::ElementsAre;

std::vector<std::string> numbers(const host::QueuePage& page) {
  std::vector<std::string> out;
  for (const auto& item : page.items) out.push_back(item.number);
  return out;
}

class StoreQueue : public testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    // Four requests a few milliseconds apart: two mailboxes, two DUO items, one decided.
    a_ = check_out(*store, "dcoordinator", "newhire", "mailbox").numbers;
    pause();
    b_ = check_out(*store, "dcoordinator", "tessatitan", "duo").numbers;
    pause();
    cutoff_ms_ = std::chrono::duration_cast<std::chrono::milliseconds>(
                     std::chrono::system_clock::now().time_since_epoch())
                     .count();
    pause();
    c_ = check_out(*store, "tuffytitan", "tuffytitan", "mailbox").numbers;
    pause();
    d_ = check_out(*store, "dcoordinator", "newhire", "duo").numbers;
    ASSERT_EQ(store->decide({d_.item_numbers[0], "fulfilled", "helpdesk", "", {}}),
              host::StoreError::none);
  }
  static void pause() { std::this_thread::sleep_for(std::chrono::milliseconds(5)); }

  StoreUnderTest store{GetParam()};
  host::ReservedNumbers a_, b_, c_, d_;
  std::int64_t cutoff_ms_ = 0;
};

TEST_P(StoreQueue, WaitingItemsComeOldestFirstByDefault) {
  const auto page = store->queue({});
  EXPECT_THAT(numbers(page),
              ElementsAre(a_.item_numbers[0], b_.item_numbers[0], c_.item_numbers[0]));
  EXPECT_EQ(page.total, 3u);
  QueueQuery newest;
  newest.newest_first = true;
  EXPECT_THAT(numbers(store->queue(newest)),
              ElementsAre(c_.item_numbers[0], b_.item_numbers[0], a_.item_numbers[0]));
}

TEST_P(StoreQueue, FiltersByStateItemAndAge) {
  QueueQuery closed;
  closed.states = {"fulfilled", "rejected"};
  EXPECT_THAT(numbers(store->queue(closed)), ElementsAre(d_.item_numbers[0]));
  QueueQuery mailboxes;
  mailboxes.item_id = "mailbox";
  EXPECT_THAT(numbers(store->queue(mailboxes)),
              ElementsAre(a_.item_numbers[0], c_.item_numbers[0]));
  QueueQuery old;
  old.created_before_ms = cutoff_ms_;
  EXPECT_THAT(numbers(store->queue(old)), ElementsAre(a_.item_numbers[0], b_.item_numbers[0]));
}

TEST_P(StoreQueue, FindsByRequestOrItemNumberAndByPerson) {
  QueueQuery by_req;
  by_req.number = b_.request_number;
  EXPECT_THAT(numbers(store->queue(by_req)), ElementsAre(b_.item_numbers[0]));
  QueueQuery by_ritm;
  by_ritm.number = c_.item_numbers[0];
  EXPECT_THAT(numbers(store->queue(by_ritm)), ElementsAre(c_.item_numbers[0]));
  QueueQuery for_tessa;
  for_tessa.people = {"tessatitan"};  // requested for
  EXPECT_THAT(numbers(store->queue(for_tessa)), ElementsAre(b_.item_numbers[0]));
  QueueQuery by_tuffy;
  by_tuffy.people = {"tuffytitan", "nobody"};  // opened by
  EXPECT_THAT(numbers(store->queue(by_tuffy)), ElementsAre(c_.item_numbers[0]));
  QueueQuery none;
  none.people = {"nobody"};
  EXPECT_EQ(store->queue(none).total, 0u);
}

TEST_P(StoreQueue, PagesKeepTheTotal) {
  QueueQuery first;
  first.limit = 2;
  const auto one = store->queue(first);
  EXPECT_THAT(numbers(one), ElementsAre(a_.item_numbers[0], b_.item_numbers[0]));
  EXPECT_EQ(one.total, 3u);
  QueueQuery second = first;
  second.offset = 2;
  const auto two = store->queue(second);
  EXPECT_THAT(numbers(two), ElementsAre(c_.item_numbers[0]));
  EXPECT_EQ(two.total, 3u);
  EXPECT_EQ(two.items[0].requested_for, "tuffytitan");
  EXPECT_EQ(two.items[0].summary, "summary of mailbox");
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreQueue, testing::Values(Backend::sqlite, Backend::postgres),
                         backend_name);

}  // namespace
}  // namespace servicedesk::test
