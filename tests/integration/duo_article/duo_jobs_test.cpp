// Durable fulfilment jobs against the fake Duo: a kill -9 mid-job, retries, failed items.
#include <chrono>
#include <iostream>
#include <regex>
#include <thread>

#include "duo_admin_api.hpp"

namespace servicedesk::test {
namespace {

using Numbers = std::vector<std::string>;

/// Short backoff so retries show within a test.
constexpr const char* kQuickJobs =
    "jobs:\n  initial_backoff_ms: 300\n  max_backoff_ms: 1200\n  max_attempts: 30\n";

/// One fake Duo and one host per test: these tests stop, kill and restart them.
class DuoJobsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    setenv("DUO_SKEY", kDuoSkey, 1);
    write_duo_seed(dir_.path() / "duo");
    duo_ = std::make_unique<FakeDuo>(dir_.path() / "duo", kDuoApiHost, kDuoIkey, "DUO_SKEY");
  }
  void start_host(const std::string& jobs_section, const std::string& log_name = "") {
    const auto folder = dir_.path() / ("config" + log_name);
    std::filesystem::create_directories(folder);
    const auto config = write_duo_host_config(folder, duo_->port(), jobs_section);
    host_ = std::make_unique<HostProcess>(
        dir_.path() / "data", std::vector<std::string>{"--config", config.string()}, folder);
  }
  void restart_duo() {
    const int port = duo_->port();
    duo_.reset();
    duo_ = std::make_unique<FakeDuo>(dir_.path() / "duo", kDuoApiHost, kDuoIkey, "DUO_SKEY", port);
  }
  ApiClient as(const std::string& username) {
    ApiClient client(host_->port());
    EXPECT_EQ(client.log_in(username).status, 200) << username;
    return client;
  }
  /// dcoordinator orders an Add of `phone` for newhire; returns the RITM.
  std::string order_add(const std::string& phone) {
    ApiClient dana = as("dcoordinator");
    const Reply checkout =
        order(dana, {{"account", "newhire"}, {"request_type", "add"}, {"phone", phone}}, "newhire");
    EXPECT_EQ(checkout.status, 201) << checkout.body;
    request_ = checkout.json["request"]["number"].get<std::string>();
    return ritm_of(checkout);
  }
  /// The item as IT staff see it in the request.
  nlohmann::json item(const std::string& ritm) {
    const Reply request = as("helpdesk").get("/api/requests/" + request_);
    const nlohmann::json items = request.json.is_object() && request.json.contains("request")
                                     ? request.json["request"].value("items", nlohmann::json())
                                     : nlohmann::json();
    for (const auto& entry : items)
      if (entry.value("number", "") == ritm) return entry;
    return nlohmann::json::object();
  }
  bool item_reaches(const std::string& ritm, const std::string& state, double seconds = 15) {
    return eventually([&] { return item(ritm).value("state", "") == state; }, seconds);
  }
  /// Files in the maildir whose subject names `ritm` (the fulfilled or rejected mails).
  int mails_about(const std::string& ritm) {
    int count = 0;
    for (const auto& file : files_in(dir_.path() / "data" / "mail" / "new"))
      count += contains(read_file(file), "Subject: " + ritm + " ");
    return count;
  }
  /// Calls the fake answered with 200 for `method` on paths starting with `prefix`.
  int changes(const std::string& method, const std::string& prefix) {
    int count = 0;
    for (const auto& call : control().calls())
      count += call["method"] == method && call["status"] == 200 &&
               call["path"].get<std::string>().rfind(prefix, 0) == 0;
    return count;
  }
  std::string metrics() { return as("helpdesk").get("/metrics").body; }
  FakeDuoControl control() { return FakeDuoControl(duo_->port()); }

  TempDir dir_;
  std::unique_ptr<FakeDuo> duo_;
  std::unique_ptr<HostProcess> host_;
  std::string request_;
};

TEST_F(DuoJobsTest, AHostKilledMidJobFinishesItOnceAfterRestart) {
  // Host A holds its claims for 3 s; host B (another id) may take them over only after that.
  start_host("jobs:\n  host_id: host-a\n  lease_ms: 3000\n  answer_wait_ms: 300\n", "a");
  const std::string ritm = order_add("714 555 0191");
  auto duo = control();
  duo.clear_log();
  duo.delay(1500, 1, "POST", "/admin/v1/phones");  // created, then the answer is held
  const Reply started = fulfil(host_->port(), ritm);
  ASSERT_EQ(started.status, 202) << started.body;
  EXPECT_EQ(started.json["item"]["state"], "fulfilling");
  ASSERT_TRUE(eventually([&] { return duo.state()["phones"].contains("+17145550191"); }));
  host_->kill_hard();  // while the host waits for the create's answer

  EXPECT_EQ(duo.state()["phones"]["+17145550191"], Numbers{});  // created, not associated
  start_host("jobs:\n  host_id: host-b\n  lease_ms: 3000\n", "b");
  ASSERT_TRUE(item_reaches(ritm, "fulfilled")) << item(ritm).dump();
  EXPECT_EQ(duo.state()["phones"]["+17145550191"], Numbers{"newhire"});
  for (const auto& call : duo.calls())  // the figure in the issue's note
    std::cout << "  " << call["method"].get<std::string>() << ' ' << call["path"].get<std::string>()
              << " -> " << call["status"]
              << (call.value("client_gone", false) ? " (host killed before the answer)" : "")
              << '\n';
  EXPECT_EQ(changes("POST", "/admin/v1/phones"), 1) << "the phone was created once";
  EXPECT_EQ(changes("POST", "/admin/v1/users/"), 1) << "and associated once";
  const std::string log = host_->log();
  EXPECT_TRUE(contains(log, "job " + ritm + " claimed by host-b")) << log;
  ASSERT_TRUE(eventually([&] { return mails_about(ritm) == 2; }));  // dcoordinator, newhire
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));     // a second run would show
  EXPECT_EQ(mails_about(ritm), 2);
  EXPECT_EQ(fulfil(host_->port(), ritm).status, 409);
}

/// The retry delays the host logged for `ritm`, in order.
std::vector<long> retry_delays(const std::string& log, const std::string& ritm) {
  std::vector<long> delays;
  const std::regex line("job " + ritm + R"( failed for now \(attempt \d+\), retry in (\d+) ms)");
  for (std::sregex_iterator it(log.begin(), log.end(), line), end; it != end; ++it)
    delays.push_back(std::stol((*it)[1].str()));
  return delays;
}

TEST_F(DuoJobsTest, DuoDownIsRetriedWithBackoffUntilItIsBack) {
  start_host(kQuickJobs);
  const std::string ritm = order_add("714 555 0192");
  duo_->stop();
  const Reply started = fulfil(host_->port(), ritm);
  ASSERT_EQ(started.status, 202) << started.body;
  EXPECT_EQ(started.json["item"]["state"], "fulfilling");
  EXPECT_EQ(started.json["item"]["attempts"], 1);
  EXPECT_TRUE(contains(started.json["item"]["last_error"], "Duo cannot be reached"))
      << started.body;
  EXPECT_TRUE(contains(metrics(), "servicedesk_fulfilment_retry_queue 1"));
  ASSERT_TRUE(eventually([&] { return retry_delays(host_->log(), ritm).size() >= 3; }, 20));
  const std::vector<long> delays = retry_delays(host_->log(), ritm);
  for (const long delay : delays) std::cout << "  retry in " << delay << " ms\n";
  for (std::size_t i = 0; i < 3; ++i) {  // 300, 600, 1200 ms, each plus up to a fifth
    const long base = 300L << i;
    EXPECT_GE(delays[i], base) << i;
    EXPECT_LE(delays[i], base + base / 5) << i;
  }
  EXPECT_EQ(item(ritm).value("state", ""), "fulfilling");

  restart_duo();
  ASSERT_TRUE(item_reaches(ritm, "fulfilled")) << item(ritm).dump();
  auto duo = control();
  EXPECT_EQ(duo_numbers(duo, "newhire"), Numbers{"+17145550192"});
  EXPECT_TRUE(contains(metrics(), "servicedesk_fulfilment_retry_queue 0"));
  ASSERT_TRUE(eventually([&] { return mails_about(ritm) == 2; }));
}

TEST_F(DuoJobsTest, AFailedItemIsRetriedByStaffAndFulfilled) {
  start_host(kQuickJobs);
  const std::string ritm = order_add("714 555 0193");
  control().fail(401, 1);  // a wrong signature: never retried, the item fails
  const Reply failed = fulfil(host_->port(), ritm);
  ASSERT_EQ(failed.status, 200) << failed.body;
  EXPECT_EQ(failed.json["item"]["state"], "failed");
  EXPECT_TRUE(contains(failed.json["item"]["reason"], "Duo refused the change")) << failed.body;
  EXPECT_EQ(item(ritm)["reason"], failed.json["item"]["reason"]);
  EXPECT_TRUE(contains(metrics(), "servicedesk_fulfilment_failed 1"));
  EXPECT_EQ(fulfil(host_->port(), ritm).status, 409) << "a failed item is retried, not decided";

  ApiClient stranger(host_->port());  // no session
  EXPECT_EQ(stranger.post("/api/fulfilment/" + ritm + "/retry", nlohmann::json::object()).status,
            401);
  ApiClient dana = as("dcoordinator");
  const Reply not_staff = dana.post("/api/fulfilment/" + ritm + "/retry", nlohmann::json::object());
  EXPECT_EQ(not_staff.status, 403);
  ApiClient staff = as("helpdesk");
  staff.send_csrf = false;
  EXPECT_EQ(staff.post("/api/fulfilment/" + ritm + "/retry", nlohmann::json::object()).status, 403);
  staff.send_csrf = true;
  EXPECT_EQ(staff.post("/api/fulfilment/" + ritm + "/retry", {{"force", true}}).status, 400);
  EXPECT_EQ(staff.post_raw("/api/fulfilment/" + ritm + "/retry", std::string(70000, ' ')).status,
            413);
  EXPECT_EQ(staff.post("/api/fulfilment/RITM9999999/retry", nlohmann::json::object()).status, 404);

  const Reply retried = staff.post("/api/fulfilment/" + ritm + "/retry", nlohmann::json::object());
  ASSERT_EQ(retried.status, 200) << retried.body;
  EXPECT_EQ(retried.json["item"]["state"], "fulfilled");
  auto duo = control();
  EXPECT_EQ(duo_numbers(duo, "newhire"), Numbers{"+17145550193"});
  const Reply again = staff.post("/api/fulfilment/" + ritm + "/retry", nlohmann::json::object());
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(again.error(), "Only a failed item can be retried; this one is fulfilled.");
  ASSERT_TRUE(eventually([&] { return mails_about(ritm) == 2; }));
}

TEST_F(DuoJobsTest, AFailedItemCanBeRejectedWithAReason) {
  start_host(kQuickJobs);
  const std::string ritm = order_add("714 555 0194");
  control().fail(401, 1);
  ASSERT_EQ(fulfil(host_->port(), ritm).json["item"]["state"], "failed");
  ApiClient staff = as("helpdesk");
  EXPECT_EQ(staff.post("/api/fulfilment/" + ritm + "/reject", nlohmann::json::object()).status,
            422);
  const Reply rejected = staff.post("/api/fulfilment/" + ritm + "/reject",
                                    {{"reason", "Duo keys are being rotated; order again."}});
  ASSERT_EQ(rejected.status, 200) << rejected.body;
  EXPECT_EQ(rejected.json["item"]["state"], "rejected");
  EXPECT_EQ(item(ritm)["reason"], "Duo keys are being rotated; order again.");
  EXPECT_TRUE(contains(metrics(), "servicedesk_fulfilment_failed 0"));
  EXPECT_EQ(staff.post("/api/fulfilment/" + ritm + "/retry", nlohmann::json::object()).status, 409);
  auto duo = control();
  EXPECT_EQ(duo_numbers(duo, "newhire"), Numbers{});
  bool reason_mailed = false;
  for (const auto& mail : mails_for(dir_.path() / "data", ritm, 1))
    reason_mailed |= contains(mail, "Duo keys are being rotated");
  EXPECT_TRUE(reason_mailed);
}

TEST_F(DuoJobsTest, FulfilAutomaticChangesDuoRightAfterCheckout) {
  start_host("      fulfil: automatic\n");
  ApiClient dana = as("dcoordinator");
  const Reply checkout =
      order(dana, {{"account", "newhire"}, {"request_type", "add"}, {"phone", "714 555 0195"}},
            "newhire");
  ASSERT_EQ(checkout.status, 201) << checkout.body;
  EXPECT_EQ(checkout.json["request"]["items"][0]["state"], "fulfilling");
  request_ = checkout.json["request"]["number"].get<std::string>();
  const std::string ritm = ritm_of(checkout);
  ASSERT_TRUE(item_reaches(ritm, "fulfilled")) << item(ritm).dump();  // no staff decision
  auto duo = control();
  EXPECT_EQ(duo_numbers(duo, "newhire"), Numbers{"+17145550195"});
  EXPECT_TRUE(contains(host_->log(), "job " + ritm + " fulfilled"));
  ASSERT_TRUE(eventually([&] { return mails_about(ritm) == 2; }));
}

}  // namespace
}  // namespace servicedesk::test
