// Faults around the real host: SMTP down past the backoff cap, the data folder's disk full,
// the database made read-only, and plugin handlers that throw (or crash) on one input.
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <csignal>
#include <cstdlib>
#include <thread>

#include "reliability_fixture.hpp"

namespace servicedesk::test {
namespace {

/// One order of `lines` software items by `client` for itself; the checkout's reply (or the
/// add's, when adding failed).
Reply order_software(ApiClient& client, const std::string& person, int lines = 1) {
  for (int i = 0; i < lines; ++i) {
    const Reply added = client.post(
        "/api/cart/items",
        {{"item", "request-software"}, {"answers", {{"software", "Tool " + std::to_string(i)}}}});
    if (added.status != 201) return added;
  }
  return client.post("/api/cart/checkout", {{"requested_for", person}});
}

/// A small tmpfs mounted over `folder` for one test (the test runs as root); unmounted after.
class Tmpfs {
 public:
  Tmpfs(const std::filesystem::path& folder, const std::string& size) : folder_(folder) {
    std::filesystem::create_directories(folder);
    mounted_ = run("mount -t tmpfs -o size=" + size + " tmpfs '" + folder.string() + "'");
  }
  ~Tmpfs() {
    if (mounted_) run("umount -l '" + folder_.string() + "'");
  }
  Tmpfs(const Tmpfs&) = delete;
  Tmpfs& operator=(const Tmpfs&) = delete;
  bool mounted() const { return mounted_; }
  bool read_only(bool on) {
    return run("mount -o remount," + std::string(on ? "ro" : "rw") + " '" + folder_.string() + "'");
  }

 private:
  static bool run(const std::string& command) {
    return std::system((command + " 2>/dev/null").c_str()) == 0;
  }
  std::filesystem::path folder_;
  bool mounted_ = false;
};

/// Writes zeros into `file` until the disk is full; returns the bytes written.
std::size_t fill_disk(const std::filesystem::path& file) {
  const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  if (fd < 0) return 0;
  const std::string block(64 * 1024, '\0');
  std::size_t written = 0;
  for (;;) {
    const ssize_t n = ::write(fd, block.data(), block.size());
    if (n <= 0) break;
    written += static_cast<std::size_t>(n);
  }
  ::close(fd);
  return written;
}

using SmtpFaultTest = ReliabilityTest;

TEST_P(SmtpFaultTest, SmtpDownPastTheBackoffCapThenBackDeliversEveryMailInOrder) {
  sink_->stop();
  auto host = start_host(write_config());  // retries: 200 ms doubling to the 400 ms cap
  ApiClient tuffy(host->port());
  ASSERT_EQ(tuffy.log_in("tuffytitan").status, 200);
  ApiClient tessa(host->port());
  ASSERT_EQ(tessa.log_in("tessatitan").status, 200);
  std::vector<std::string> numbers;
  for (int i = 0; i < 6; ++i) {
    const bool tuffys_turn = i % 2 == 0;
    const Reply done =
        order_software(tuffys_turn ? tuffy : tessa, tuffys_turn ? "tuffytitan" : "tessatitan", 3);
    ASSERT_EQ(done.status, 201) << done.body;
    numbers.push_back(done.json["request"]["number"].get<std::string>());
  }
  // The first mail of each request failed at least four times (the last waits were at the
  // cap); the later mails to the same person wait behind it, untried.
  ASSERT_TRUE(eventually(
      [&] { return db().count("SELECT COUNT(*) FROM outbox WHERE attempts >= 4") == 6; }, 20.0));
  EXPECT_EQ(db().count("SELECT COUNT(*) FROM outbox WHERE attempts = 0"), 12);
  EXPECT_EQ(db().count("SELECT COUNT(*) FROM outbox WHERE sent"), 0);
  EXPECT_EQ(delivered_mails(inbox()).size(), 0u);
  EXPECT_NE(host->log().find("not delivered"), std::string::npos);

  sink_->start();
  const long long queued = db().count("SELECT COUNT(*) FROM outbox");
  EXPECT_EQ(queued, 6 * 3);  // three items each, opened by and for the same person
  ASSERT_TRUE(eventually(
      [&] { return static_cast<long long>(delivered_mails(inbox()).size()) >= queued; }, 15.0));
  std::this_thread::sleep_for(std::chrono::milliseconds(600));  // a duplicate would show now
  const auto mails = delivered_mails(inbox());
  EXPECT_EQ(static_cast<long long>(mails.size()), queued);
  EXPECT_EQ(outbox_message_ids(), [&] {
    std::set<std::string> ids;
    for (const auto& mail : mails) ids.insert(mail.message_id);
    return ids;
  }());
  // Each recipient received a request's mails in the order they were written (outbox id).
  for (const auto& number : numbers) {
    std::map<std::string, std::vector<long long>> ids;
    for (const auto& mail : mails)
      if (mail.message_id.rfind(number + ".", 0) == 0)
        ids[mail.recipient].push_back(std::stoll(mail.message_id.substr(number.size() + 1)));
    std::size_t count = 0;
    for (const auto& [recipient, in_order] : ids) {
      count += in_order.size();
      EXPECT_TRUE(std::is_sorted(in_order.begin(), in_order.end()))
          << number << " reached " << recipient << " out of order";
    }
    EXPECT_EQ(count, 3u) << number;
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, SmtpFaultTest,
                         testing::Values(Backend::sqlite, Backend::postgres), backend_name);

/// A host whose database can be made read-only: SQLite on a small tmpfs of its own (remounted
/// read-only: root ignores file modes), PostgreSQL through default_transaction_read_only.
/// The host's log goes elsewhere.
class StorageFaultTest : public ReliabilityTest {
 protected:
  void SetUp() override {
    ReliabilityTest::SetUp();
    if (IsSkipped() || GetParam() != Backend::sqlite) return;
    disk_ = std::make_unique<Tmpfs>(data_dir(), "8m");
    if (!disk_->mounted())
      GTEST_SKIP() << "mounting a tmpfs needs root (CAP_SYS_ADMIN); the disk tests need one";
  }
  void TearDown() override {
    if (read_only_) set_read_only(false);
    host_.reset();
    disk_.reset();
  }
  void start() {
    HostOptions options;
    options.extra_args = {"--config", write_config().string()};
    options.log_dir = dir_.path() / "logs";
    host_ = std::make_unique<HostProcess>(data_dir(), options);
  }
  bool set_read_only(bool on) {
    read_only_ = on;
    if (disk_) return disk_->read_only(on);
    try {  // every pooled connection takes the new default at its next statement
      shared_postgres().sql(std::string("ALTER SYSTEM SET default_transaction_read_only = ") +
                            (on ? "on" : "off"));
      shared_postgres().sql("SELECT pg_reload_conf()");
      return true;
    } catch (const std::exception& e) {
      ADD_FAILURE() << e.what();
      return false;
    }
  }
  /// Every request answered 201 is stored with its item, and the database is sound.
  void expect_intact(const std::vector<std::string>& numbers) {
    for (const auto& number : numbers)
      EXPECT_GE(
          db().count("SELECT COUNT(*) FROM request_items WHERE request_number = '" + number + "'"),
          1)
          << number;
    if (GetParam() == Backend::sqlite) {
      EXPECT_EQ(db().rows("PRAGMA integrity_check"),
                (std::vector<std::vector<std::string>>{{"ok"}}));
    }
    EXPECT_EQ(db().count("SELECT COUNT(*) FROM requests r WHERE NOT EXISTS (SELECT 1 FROM "
                         "request_items i WHERE i.request_number = r.number)"),
              0);
  }

  std::unique_ptr<Tmpfs> disk_;
  std::unique_ptr<HostProcess> host_;
  bool read_only_ = false;
};

/// The data folder's disk: SQLite's case (PostgreSQL's disk is its server's).
using DiskFaultTest = StorageFaultTest;
using ReadOnlyFaultTest = StorageFaultTest;

TEST_P(DiskFaultTest, DiskFullAnswers503WithASentenceAndResumesWhenSpaceReturns) {
  start();
  ApiClient tuffy(host_->port());
  ASSERT_EQ(tuffy.log_in("tuffytitan").status, 200);
  std::vector<std::string> numbers;
  for (int i = 0; i < 3; ++i) {
    const Reply done = order_software(tuffy, "tuffytitan");
    ASSERT_EQ(done.status, 201) << done.body;
    numbers.push_back(done.json["request"]["number"].get<std::string>());
  }
  for (const char* software : {"Stata", "SPSS"})
    ASSERT_EQ(tuffy
                  .post("/api/cart/items",
                        {{"item", "request-software"}, {"answers", {{"software", software}}}})
                  .status,
              201);
  const auto line = tuffy.get("/api/cart").json["lines"][0]["id"].get<long long>();
  // Empty the write-ahead log into the database file, so the next write needs new space,
  // then take all the space there is.
  db().rows("PRAGMA wal_checkpoint(TRUNCATE)");
  const auto filler = data_dir() / "filler";
  ASSERT_GT(fill_disk(filler), 0u);

  const Reply refused = tuffy.post("/api/cart/checkout", {{"requested_for", "tuffytitan"}});
  EXPECT_EQ(refused.status, 503) << refused.body;
  EXPECT_EQ(refused.error(), "The request could not be saved; nothing was submitted.");
  const Reply add_refused = tuffy.post(
      "/api/cart/items", {{"item", "request-software"}, {"answers", {{"software", "SAS"}}}});
  EXPECT_EQ(add_refused.status, 503) << add_refused.body;
  EXPECT_FALSE(add_refused.error().empty()) << add_refused.body;
  const Reply remove_refused = tuffy.del("/api/cart/items/" + std::to_string(line));
  EXPECT_EQ(remove_refused.status, 503) << remove_refused.body;
  EXPECT_FALSE(remove_refused.error().empty()) << remove_refused.body;
  EXPECT_EQ(tuffy.get("/api/requests/" + numbers.front()).status, 200) << "reads go on";
  EXPECT_EQ(tuffy.get("/api/cart").json["lines"].size(), 2u) << "the cart is untouched";
  EXPECT_EQ(tuffy.get("/healthz").status, 200);
  EXPECT_NE(read_file(dir_.path() / "logs" / "host.log").find("disk is full"), std::string::npos)
      << "the log names the cause";

  std::filesystem::remove(filler);
  Reply resumed;
  eventually([&] {
    resumed = tuffy.post("/api/cart/checkout", {{"requested_for", "tuffytitan"}});
    return resumed.status == 201;
  });
  ASSERT_EQ(resumed.status, 201) << "no checkout once space returned: " << resumed.body;
  EXPECT_EQ(resumed.json["request"]["items"].size(), 2u);
  numbers.push_back(resumed.json["request"]["number"].get<std::string>());
  EXPECT_EQ(host_->stop(), 0);
  expect_intact(numbers);
}

/// A SQLite file or folder made read-only takes effect when the host opens it: the host
/// holds its writer open, and a tmpfs with files open for writing cannot be remounted
/// read-only under it (a kernel's errors=remount-ro would; it fails writes like a full disk).
TEST_P(DiskFaultTest, AHostRefusesToStartOnAReadOnlyDatabaseAndSaysWhy) {
  start();
  ApiClient tuffy(host_->port());
  ASSERT_EQ(tuffy.log_in("tuffytitan").status, 200);
  const Reply first = order_software(tuffy, "tuffytitan");
  ASSERT_EQ(first.status, 201) << first.body;
  ASSERT_EQ(host_->stop(), 0);

  ASSERT_TRUE(set_read_only(true));
  try {
    start();
    ADD_FAILURE() << "the host started on a read-only database";
  } catch (const std::exception& e) {
    const std::string why = e.what();
    EXPECT_NE(why.find("cannot open the store at"), std::string::npos) << why;
  }
  ASSERT_TRUE(set_read_only(false));
  start();
  ApiClient again(host_->port());
  ASSERT_EQ(again.log_in("tuffytitan").status, 200);
  EXPECT_EQ(again.get("/api/requests/" + first.json["request"]["number"].get<std::string>()).status,
            200);
  EXPECT_EQ(order_software(again, "tuffytitan").status, 201);
}

TEST_P(ReadOnlyFaultTest, ReadOnlyDatabaseAnswers503ForWritesServesReadsAndResumes) {
  start();
  ApiClient tuffy(host_->port());
  ASSERT_EQ(tuffy.log_in("tuffytitan").status, 200);
  const Reply first = order_software(tuffy, "tuffytitan");
  ASSERT_EQ(first.status, 201) << first.body;
  std::vector<std::string> numbers{first.json["request"]["number"].get<std::string>()};
  for (const char* software : {"Stata", "SPSS"})
    ASSERT_EQ(tuffy
                  .post("/api/cart/items",
                        {{"item", "request-software"}, {"answers", {{"software", software}}}})
                  .status,
              201);
  const auto line = tuffy.get("/api/cart").json["lines"][0]["id"].get<long long>();

  ASSERT_TRUE(set_read_only(true));
  const Reply refused = tuffy.post("/api/cart/checkout", {{"requested_for", "tuffytitan"}});
  EXPECT_EQ(refused.status, 503) << refused.body;
  EXPECT_FALSE(refused.error().empty()) << refused.body;
  const Reply add_refused = tuffy.post(
      "/api/cart/items", {{"item", "request-software"}, {"answers", {{"software", "SAS"}}}});
  EXPECT_EQ(add_refused.status, 503) << add_refused.body;
  EXPECT_FALSE(add_refused.error().empty()) << add_refused.body;
  const Reply remove_refused = tuffy.del("/api/cart/items/" + std::to_string(line));
  EXPECT_EQ(remove_refused.status, 503) << remove_refused.body;
  EXPECT_FALSE(remove_refused.error().empty()) << remove_refused.body;
  EXPECT_EQ(tuffy.get("/api/requests/" + numbers.front()).status, 200) << "reads go on";
  EXPECT_EQ(tuffy.get("/api/cart").json["lines"].size(), 2u) << "the cart is untouched";

  ASSERT_TRUE(set_read_only(false));
  Reply resumed;
  eventually([&] {
    resumed = tuffy.post("/api/cart/checkout", {{"requested_for", "tuffytitan"}});
    return resumed.status == 201;
  });
  ASSERT_EQ(resumed.status, 201) << resumed.body;
  numbers.push_back(resumed.json["request"]["number"].get<std::string>());
  EXPECT_EQ(host_->stop(), 0);
  expect_intact(numbers);
}

/// A database switched to read-only under running hosts (default_transaction_read_only).
INSTANTIATE_TEST_SUITE_P(Backends, ReadOnlyFaultTest, testing::Values(Backend::postgres),
                         backend_name);

INSTANTIATE_TEST_SUITE_P(Backends, DiskFaultTest, testing::Values(Backend::sqlite), backend_name);

/// A host with the shipped plugins and the faulty one (tests/reliability/faulty_plugin).
class PluginFaultTest : public ReliabilityTest {
 protected:
  std::unique_ptr<HostProcess> start() {
    return start_host(write_config(),
                      {"--plugin-dir", SHIPPED_PLUGIN_DIR, "--plugin-dir", FAULTY_PLUGIN_DIR,
                       "--catalog-dir", SHIPPED_CATALOG_DIR, "--catalog-dir", FAULTY_CATALOG_DIR});
  }
  static nlohmann::json faulty_line(const std::string& word) {
    return {{"item", "faulty-item"}, {"answers", {{"word", word}}}};
  }
};

TEST_P(PluginFaultTest, AHandlerThatThrowsFailsThatRequestOnlyAndIsLogged) {
  auto host = start();
  ApiClient dana(host->port());
  ASSERT_EQ(dana.log_in("dcoordinator").status, 200);
  // Others keep ordering while the faulty handler throws, request after request.
  std::atomic<bool> stop{false};
  std::atomic<int> others_ok{0}, others_failed{0};
  std::thread others([&] {
    ApiClient tessa(host->port());
    if (tessa.log_in("tessatitan").status != 200) {
      ++others_failed;
      return;
    }
    while (!stop) {
      if (order_software(tessa, "tessatitan").status == 201)
        ++others_ok;
      else
        ++others_failed;
    }
  });
  for (int i = 0; i < 20; ++i) {
    for (const std::string word : {"explode", "throw-int"}) {
      Reply evaluated =
          dana.post("/api/catalog/items/faulty-item/evaluate", {{"answers", {{"word", word}}}});
      EXPECT_EQ(evaluated.status, 200) << evaluated.body;
      EXPECT_EQ(evaluated.json["valid"], false) << evaluated.body;
      Reply added = dana.post("/api/cart/items", faulty_line(word));
      EXPECT_EQ(added.status, 422) << added.body;
      EXPECT_EQ(added.json["errors"]["word"][0],
                "This answer could not be checked right now. Try again, or contact the IT Help "
                "Desk.")
          << added.body;
      EXPECT_EQ(added.body.find("exploded"), std::string::npos) << "the cause leaked";
    }
  }
  const Reply fine = dana.post("/api/cart/items", faulty_line("calm"));
  EXPECT_EQ(fine.status, 201) << fine.body;
  const Reply done = dana.post("/api/cart/checkout", {{"requested_for", "newhire"}});
  EXPECT_EQ(done.status, 201) << done.body;
  EXPECT_TRUE(eventually([&] { return others_ok.load() >= 3; })) << "nobody else was served";
  stop = true;
  others.join();
  EXPECT_EQ(others_failed.load(), 0);

  const std::string log = host->log();
  EXPECT_NE(log.find("handler failed: plugin 'faulty-rules', field rule 'touchy', item "
                     "'faulty-item', field 'word': touchy rule exploded on purpose"),
            std::string::npos)
      << log;
  ApiClient staff(host->port());
  ASSERT_EQ(staff.log_in("helpdesk").status, 200);
  const std::string metrics = staff.get("/metrics").body;
  EXPECT_NE(metrics.find("servicedesk_handler_failures_total{plugin=\"faulty-rules\",kind=\"field "
                         "rule\",handler=\"touchy\"}"),
            std::string::npos)
      << metrics;
}

TEST_P(PluginFaultTest, ASummarizerThatThrowsStillLetsTheOrderThrough) {
  auto host = start();
  ApiClient dana(host->port());
  ASSERT_EQ(dana.log_in("dcoordinator").status, 200);
  const Reply added = dana.post("/api/cart/items", faulty_line("summary-explodes"));
  ASSERT_EQ(added.status, 201) << added.body;
  const Reply done = dana.post("/api/cart/checkout", {{"requested_for", "newhire"}});
  ASSERT_EQ(done.status, 201) << done.body;
  EXPECT_FALSE(done.json["request"]["items"][0].value("summary", "").empty()) << done.body;
  EXPECT_NE(host->log().find("summary exploded on purpose"), std::string::npos);
}

/// A plugin runs inside the host process: a handler that crashes (SIGSEGV) takes the process
/// down with it. What the host promises then is the crash promise: nothing answered 201 is
/// lost, and a supervisor's restart serves again.
TEST_P(PluginFaultTest, AHandlerThatCrashesTakesTheProcessDownAndARestartLosesNothing) {
  auto host = start();
  ApiClient dana(host->port());
  ASSERT_EQ(dana.log_in("dcoordinator").status, 200);
  ASSERT_EQ(dana.post("/api/cart/items", faulty_line("calm")).status, 201);
  const Reply done = dana.post("/api/cart/checkout", {{"requested_for", "newhire"}});
  ASSERT_EQ(done.status, 201) << done.body;
  const std::string number = done.json["request"]["number"].get<std::string>();

  ClientOptions options;
  options.throw_when_unanswered = false;
  ApiClient victim(host->port(), options);
  victim.cookie = dana.cookie;
  victim.csrf_token = dana.csrf_token;
  EXPECT_EQ(victim.post("/api/cart/items", faulty_line("segfault")).status, 0);
  int status = 0;
  ASSERT_TRUE(eventually([&] { return host->has_exited(status); }));
  // SIGSEGV; under AddressSanitizer its report and exit code 1 instead.
  EXPECT_TRUE((WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV) ||
              (WIFEXITED(status) && WEXITSTATUS(status) != 0))
      << status;

  host = start();
  ApiClient again(host->port());
  ASSERT_EQ(again.log_in("dcoordinator").status, 200);
  EXPECT_EQ(again.get("/api/requests/" + number).status, 200);
  EXPECT_EQ(
      db().count("SELECT COUNT(*) FROM request_items WHERE request_number = '" + number + "'"), 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, PluginFaultTest, testing::Values(Backend::sqlite), backend_name);

}  // namespace
}  // namespace servicedesk::test
