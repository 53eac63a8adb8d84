// Duo fulfilment jobs on two hosts sharing one PostgreSQL: each job runs on exactly one host,
// and a host killed in the middle of a job leaves it to the other once its lease runs out.
#include <regex>
#include <thread>

#include "duo_admin_api.hpp"
#include "multi_host_fixture.hpp"

namespace servicedesk::test {
namespace {

using Numbers = std::vector<std::string>;

/// Two hosts' worth of config: the shared database and SMTP sink, the fake Duo, and jobs
/// that start at checkout and whose claims run out 3 s after a host stops renewing them.
class MultiHostDuoTest : public MultiHostTest {
 protected:
  void SetUp() override {
    MultiHostTest::SetUp();
    setenv("DUO_SKEY", kDuoSkey, 1);
    write_duo_seed(dir_.path() / "duo");
    duo_ = std::make_unique<FakeDuo>(dir_.path() / "duo", kDuoApiHost, kDuoIkey, "DUO_SKEY");
    std::ofstream(config(), std::ios::app)
        << "plugins:\n  duo-account-updates:\n    duo_admin_api:\n      host: " << kDuoApiHost
        << "\n      endpoint: http://127.0.0.1:" << duo_->port() << "\n      ikey: " << kDuoIkey
        << "\n      skey_env: DUO_SKEY\n      timeout_ms: 2000\n      fulfil: automatic\n"
        << "jobs:\n  lease_ms: 3000\n  poll_interval_ms: 200\n  answer_wait_ms: 300\n";
  }
  void TearDown() override { duo_.reset(); }

  /// dcoordinator orders an Add of `phone` for newhire through `port`; returns the RITM.
  static std::string order_add_on(int port, const std::string& phone) {
    ApiClient dana(port);
    EXPECT_EQ(dana.log_in("dcoordinator").status, 200);
    const Reply checkout =
        order(dana, {{"account", "newhire"}, {"request_type", "add"}, {"phone", phone}}, "newhire");
    EXPECT_EQ(checkout.status, 201) << checkout.body;
    return checkout.status == 201 ? ritm_of(checkout) : "";
  }
  std::string state_of(const std::string& ritm) {
    return sql("SELECT state FROM request_items WHERE number = '" + ritm + "'");
  }
  /// Calls the fake answered 200 for `method` on paths starting with `prefix`.
  int changes(const std::string& method, const std::string& prefix) {
    int count = 0;
    for (const auto& call : FakeDuoControl(duo_->port()).calls())
      count += call["method"] == method && call["status"] == 200 &&
               call["path"].get<std::string>().rfind(prefix, 0) == 0;
    return count;
  }
  /// Delivered mails whose subject names `ritm`, counting repeats.
  int mails_about(const std::string& ritm) {
    int count = 0;
    for (const auto& [mail, times] : delivered())
      if (mail.rfind(ritm + " ", 0) == 0) count += times;
    return count;
  }
  static int lines_with(const std::string& log, const std::string& part) {
    int count = 0;
    for (std::size_t at = log.find(part); at != std::string::npos; at = log.find(part, at + 1))
      ++count;
    return count;
  }

  std::unique_ptr<FakeDuo> duo_;
};

TEST_F(MultiHostDuoTest, OrdersThroughBothHostsAreEachFulfilledOnceByOneHost) {
  auto host_a = start_host("a");
  auto host_b = start_host("b");
  std::vector<std::string> ritms;
  Numbers phones;
  for (int i = 0; i < 6; ++i) {
    const std::string last_four = "018" + std::to_string(i);
    phones.push_back("+1714555" + last_four);
    ritms.push_back(
        order_add_on(i % 2 == 0 ? host_a->port() : host_b->port(), "714 555 " + last_four));
  }
  for (const auto& ritm : ritms)
    ASSERT_TRUE(eventually([&] { return state_of(ritm) == "fulfilled"; }, 20)) << ritm;

  FakeDuoControl duo(duo_->port());
  EXPECT_EQ(duo_numbers(duo, "newhire"), phones);
  EXPECT_EQ(changes("POST", "/admin/v1/phones"), 6) << "each phone created once";
  EXPECT_EQ(changes("POST", "/admin/v1/users/"), 6) << "and associated once";
  const std::string logs = host_a->log() + host_b->log();
  for (const auto& ritm : ritms) {
    EXPECT_EQ(lines_with(logs, "job " + ritm + " fulfilled,"), 1) << ritm;
    ASSERT_TRUE(eventually([&] { return mails_about(ritm) == 2; })) << ritm;
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(1000));  // both hosts polled again
  for (const auto& ritm : ritms) EXPECT_EQ(mails_about(ritm), 2) << ritm;
  const auto jobs_done = [](const std::string& log) {
    const std::regex done(R"(job RITM\d+ fulfilled,)");
    return std::distance(std::sregex_iterator(log.begin(), log.end(), done), {});
  };
  EXPECT_EQ(jobs_done(host_a->log()) + jobs_done(host_b->log()), 6);
  std::cout << "jobs fulfilled: host a " << jobs_done(host_a->log()) << ", host b "
            << jobs_done(host_b->log()) << '\n';
}

TEST_F(MultiHostDuoTest, AHostKilledMidJobLeavesItToTheOtherOnce) {
  auto host_a = start_host("a");
  auto host_b = start_host("b");
  FakeDuoControl duo(duo_->port());
  duo.delay(2000, 1, "POST", "/admin/v1/phones");  // created, then the answer is held
  const std::string ritm = order_add_on(host_a->port(), "714 555 0189");
  ASSERT_TRUE(eventually([&] { return duo.state()["phones"].contains("+17145550189"); }));
  // Whichever host claimed the job is the one waiting for Duo's answer: kill it.
  const std::string claimed = "job " + ritm + " claimed by";
  const bool a_holds_it = lines_with(host_a->log(), claimed) == 1;
  ASSERT_NE(a_holds_it, lines_with(host_b->log(), claimed) == 1) << "claimed by exactly one host";
  std::unique_ptr<HostProcess>& holder = a_holds_it ? host_a : host_b;
  std::unique_ptr<HostProcess>& survivor = a_holds_it ? host_b : host_a;
  holder->kill_hard();

  ASSERT_TRUE(eventually([&] { return state_of(ritm) == "fulfilled"; }, 20));
  EXPECT_EQ(duo.state()["phones"]["+17145550189"], Numbers{"newhire"});
  EXPECT_EQ(changes("POST", "/admin/v1/phones"), 1) << "the phone was created once";
  EXPECT_EQ(changes("POST", "/admin/v1/users/"), 1) << "and associated once";
  EXPECT_EQ(lines_with(survivor->log(), claimed), 1) << survivor->log();
  ASSERT_TRUE(eventually([&] { return mails_about(ritm) == 2; }));
  std::this_thread::sleep_for(std::chrono::milliseconds(1000));
  EXPECT_EQ(mails_about(ritm), 2);
}

}  // namespace
}  // namespace servicedesk::test
