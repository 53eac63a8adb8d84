// servicedesk-load: HTTP figures of the real host (start-up, search, checkout, reload, memory).
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <set>

#include <CLI/CLI.hpp>

#include "host_process.hpp"  // tests/support
#include "scenarios.hpp"

namespace {

namespace fs = std::filesystem;
using namespace servicedesk::bench;

struct Options {
  fs::path host_bin;
  fs::path catalog_dir;
  fs::path work_dir = fs::temp_directory_path() / "servicedesk-load";
  int checkout_clients = 32;
  int search_clients = 16;
  int seconds = 10;
  std::size_t people = 100'000;
  std::string extra_config;  ///< YAML lines appended to the load host's config (experiments)
};

/// A figure without a target, printed for context.
void info(const std::string& figure, double value, const std::string& unit) {
  std::printf("| %-44s | %12.2f %-8s | %-13s | %-4s |\n", figure.c_str(), value, unit.c_str(), "-",
              "");
}

void row(const std::string& figure, double value, const std::string& unit, const std::string& op,
         double target) {
  const bool met = op == "<=" ? value <= target : value >= target;
  std::printf("| %-44s | %12.2f %-8s | %s %-10g | %-4s |\n", figure.c_str(), value, unit.c_str(),
              op.c_str(), target, met ? "met" : "MISS");
}

/// The load host's arguments after `--data-dir`: the catalog to serve, and a config if any.
servicedesk::test::HostOptions host_options(const Options& options, const fs::path& catalog,
                                            const fs::path& config, const fs::path& log_dir,
                                            double ready_seconds) {
  servicedesk::test::HostOptions host;
  host.binary = options.host_bin;
  host.extra_args = {"--catalog-dir", catalog.string()};
  if (!config.empty()) host.extra_args.insert(host.extra_args.end(), {"--config", config.string()});
  host.log_dir = log_dir;
  host.threads = 0;  // the host's default: one event-loop thread per core
  host.ready_seconds = ready_seconds;
  return host;
}

/// Start-up: the median of five cold starts of `serve` on the demo default, each timed from
/// starting the process to its "ready on" line.
double startup_ms(const Options& options) {
  std::vector<double> runs;
  for (int run = 0; run < 5; ++run) {
    const fs::path data = options.work_dir / ("startup-" + std::to_string(run));
    fs::remove_all(data);
    servicedesk::test::HostProcess host(
        data, host_options(options, options.catalog_dir, {}, options.work_dir / "startup", 20));
    runs.push_back(host.time_to_ready().count());
  }
  std::sort(runs.begin(), runs.end());
  return runs[runs.size() / 2];
}

int run(const Options& options) {
  fs::remove_all(options.work_dir);
  fs::create_directories(options.work_dir);
  const std::string ditc_prefix = "loadditc";

  std::cout << "start-up: five cold starts of the demo host...\n";
  const double ready_ms = startup_ms(options);

  std::cout << "writing a directory of " << options.people << " people...\n";
  const fs::path directory = options.work_dir / "directory.csv";
  write_load_directory(directory, options.people, std::max(options.checkout_clients, 16),
                       ditc_prefix);
  const fs::path catalog = options.work_dir / "catalog-items";
  fs::copy(options.catalog_dir, catalog, fs::copy_options::recursive);
  const fs::path data = options.work_dir / "data";
  const fs::path config = options.work_dir / "host.yaml";
  std::ofstream(config) << "directory_file: " << directory.string() << "\n"
                        << options.extra_config << "\n";

  servicedesk::test::HostProcess host(data,
                                      host_options(options, catalog, config, options.work_dir, 60));
  const int port = host.port();
  const double big_ready_ms = host.time_to_ready().count();

  std::cout << "directory search: " << options.search_clients << " clients...\n";
  const LoadFigures search = run_search_load(port, options.search_clients, ditc_prefix,
                                             std::chrono::seconds(options.seconds / 2));
  std::cout << "checkout: " << options.checkout_clients << " clients for " << options.seconds
            << " s...\n";
  std::multiset<std::string> numbers;
  const LoadFigures checkout = run_checkout_load(port, options.checkout_clients, ditc_prefix,
                                                 std::chrono::seconds(options.seconds), numbers);
  std::vector<double> reloads;
  for (int i = 0; i < 5; ++i) {
    reloads.push_back(measure_reload_ms(port, ditc_prefix + "00", catalog / "request-software.yaml",
                                        "request-software"));
  }
  std::sort(reloads.begin(), reloads.end());
  const long peak_kib = host.peak_rss_kib();
  const long resident_kib = host.rss_kib();
  host.stop();

  const StoreCount stored = count_store(data / "servicedesk.db");
  const std::set<std::string> distinct(numbers.begin(), numbers.end());
  const double raw_commits = sqlite_single_row_commits_per_second(data, std::chrono::seconds(3));

  std::printf("\n| %-44s | %21s | %-13s | %-4s |\n", "figure", "measured", "target", "");
  std::printf("|%s|%s|%s|%s|\n", std::string(46, '-').c_str(), std::string(23, '-').c_str(),
              std::string(15, '-').c_str(), std::string(6, '-').c_str());
  row("serve ready, demo default (median of 5)", ready_ms, "ms", "<=", 200);
  info("serve ready, " + std::to_string(options.people) + "-person directory", big_ready_ms, "ms");
  row("search over HTTP p99 (" + std::to_string(options.search_clients) + " clients)",
      search.p99_ms, "ms", "<=", 2);
  info("search over HTTP throughput", search.per_second(), "q/s");
  row("search errors", static_cast<double>(search.errors), "", "<=", 0);
  row("checkout throughput (" + std::to_string(options.checkout_clients) + " clients)",
      checkout.per_second(), "orders/s", ">=", 1000);
  row("checkout p99 (add-to-cart + checkout)", checkout.p99_ms, "ms", "<=", 50);
  row("checkout errors", static_cast<double>(checkout.errors), "", "<=", 0);
  info("raw SQLite single-row commits (WAL, FULL)", raw_commits, "/s");
  info("checkout / raw commit ratio", checkout.per_second() / raw_commits, "x");
  row("requests stored minus 201 answers",
      static_cast<double>(stored.requests) - static_cast<double>(checkout.completed), "", "<=", 0);
  row("duplicate REQ/RITM numbers",
      static_cast<double>(numbers.size() - distinct.size()) + (stored.numbers_unique ? 0 : 1), "",
      "<=", 0);
  row("hot reload, write to live (median of 5)", reloads[reloads.size() / 2], "ms", "<=", 20);
  // Each password check holds 64 MiB for a moment (Argon2id at libsodium's interactive cost,
  // at most four at once), and the load's DITCs all log in: the peak shows those, the
  // resident memory after the load what the directory and the caches keep.
  row("resident memory after the load, " + std::to_string(options.people) + "-person directory",
      static_cast<double>(resident_kib) / 1024.0, "MiB", "<=", 100);
  info("peak memory (VmHWM), log-ins included", static_cast<double>(peak_kib) / 1024.0, "MiB");
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"HTTP load figures of servicedesk-host"};
  Options options;
  app.add_option("--host-bin", options.host_bin, "servicedesk-host binary")->required();
  app.add_option("--catalog-dir", options.catalog_dir, "catalog-items folder to copy")->required();
  app.add_option("--work-dir", options.work_dir, "scratch folder (wiped)");
  app.add_option("--clients", options.checkout_clients, "concurrent checkout clients");
  app.add_option("--search-clients", options.search_clients, "concurrent search clients");
  app.add_option("--seconds", options.seconds, "checkout duration (search runs half)");
  app.add_option("--people", options.people, "generated directory size");
  app.add_option("--extra-config", options.extra_config,
                 "YAML appended to the load host's config, e.g. to vary mail delivery");
  CLI11_PARSE(app, argc, argv);
  try {
    return run(options);
  } catch (const std::exception& e) {
    std::cerr << "servicedesk-load: " << e.what() << "\n";
    return 1;
  }
}
