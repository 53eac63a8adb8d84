// Every concurrent part of one host at once under a mixed load: the HTTP server, sessions,
// the write queue, form reloads, the delivery worker and the Duo job worker. Built with the
// tsan preset this is the ThreadSanitizer run over the real host (label `tsan`): the host
// exits 66 when TSan reported a race, and the test checks the exit code.
#include <cstdlib>
#include <fstream>
#include <iostream>

#include "api_client.hpp"
#include "fake_duo.hpp"
#include "mixed_load.hpp"
#include "reliability_fixture.hpp"

namespace servicedesk::test {
namespace {

double load_seconds() {
  const char* seconds = std::getenv("SERVICEDESK_CONCURRENCY_SECONDS");
  return seconds != nullptr ? std::atof(seconds) : 8.0;
}

TEST(ConcurrencyTest, MixedLoadOnOneHostAnswersEveryCallAndTheHostExitsClean) {
  TempDir dir;
  write_duo_seed(dir.path() / "duo");
  FakeDuo duo(dir.path() / "duo", kDuoApiHost, kDuoIkey, "DUO_SKEY");
  const auto catalog = dir.path() / "catalog";
  std::filesystem::create_directories(catalog);
  for (const auto& file : std::filesystem::directory_iterator(SHIPPED_CATALOG_DIR))
    std::filesystem::copy_file(file.path(), catalog / file.path().filename());
  SmtpSink sink(free_port(), dir.path() / "inbox");
  const auto config = dir.path() / "host.yaml";
  std::ofstream(config) << "mail:\n  smtp: smtp://127.0.0.1:" << sink.port()
                        << "\n  poll_interval_ms: 100\n"
                        << automatic_duo_config(duo.port());
  HostOptions options;
  options.extra_args = {"--config", config.string(), "--catalog-dir", catalog.string()};
  options.ready_seconds = 120;  // slower under ThreadSanitizer
  HostProcess host(dir.path() / "data", options);

  MixedLoad load({host.port(), catalog / "request-software.yaml", true, 0});
  load.start();
  std::this_thread::sleep_for(std::chrono::duration<double>(load_seconds()));
  load.stop();
  const LoadFigures figures = load.figures();
  for (const auto& [kind, done] : figures.done) std::cout << "  " << kind << ": " << done << '\n';
  EXPECT_EQ(figures.errors, 0);
  for (const auto& message : figures.first_errors) ADD_FAILURE() << message;
  for (const char* kind :
       {"search", "evaluation", "order", "fulfilment", "session", "reload", "duo order"})
    EXPECT_GT(figures.done.count(kind) ? figures.done.at(kind) : 0, 0) << kind;

  // The workers finish what the load left: every Duo job, every mail.
  auto db = sqlite_probe(dir.path() / "data" / "servicedesk.db");
  EXPECT_TRUE(eventually(
      [&] {
        return db->count("SELECT COUNT(*) FROM request_items WHERE state = 'fulfilling'") == 0;
      },
      60.0));
  EXPECT_TRUE(eventually(
      [&] { return db->count("SELECT COUNT(*) FROM outbox WHERE NOT sent") == 0; }, 60.0));
  EXPECT_EQ(db->count("SELECT COUNT(*) FROM request_items WHERE state = 'failed'"), 0);
  const std::string loaded = "request-software.yaml (item request-software)";
  const std::string before_stop = host.log();
  std::size_t loads = 0;
  for (auto at = before_stop.find(loaded); at != std::string::npos;
       at = before_stop.find(loaded, at + 1))
    ++loads;
  EXPECT_GE(loads, 2u) << "no reload seen";
  const auto refused = before_stop.find("catalog: refused");
  EXPECT_EQ(refused, std::string::npos)
      << before_stop.substr(refused == std::string::npos ? 0 : refused, 600);

  const int exit_code = host.stop();
  const std::string log = host.log();
  EXPECT_EQ(exit_code, 0) << "the host did not exit cleanly (66: ThreadSanitizer reported)";
  const auto report = log.find("WARNING: ThreadSanitizer");
  EXPECT_EQ(report, std::string::npos)
      << log.substr(report == std::string::npos ? 0 : report, 8000);
}

}  // namespace
}  // namespace servicedesk::test
