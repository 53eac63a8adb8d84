// servicedesk-store-load: checkout orders/s and p99 on SQLite (one host), PostgreSQL (one
// host, two hosts on one database) and PostgreSQL's own single-row commit rate, in one run.
#include <cstdlib>
#include <fstream>
#include <future>
#include <iostream>
#include <set>

#include <CLI/CLI.hpp>
#include <pqxx/pqxx>

#include "host_process.hpp"  // tests/support
#include "pg_server.hpp"
#include "scenarios.hpp"

namespace {

namespace fs = std::filesystem;
using namespace servicedesk::bench;
using servicedesk::test::HostProcess;
using servicedesk::test::PgServer;

constexpr const char* kPrefix = "loadditc";

struct Options {
  fs::path host_bin;
  fs::path catalog_dir;
  fs::path work_dir = fs::temp_directory_path() / "servicedesk-store-load";
  int clients = 32;
  int seconds = 10;
};

struct Setup {
  const Options& options;
  fs::path catalog;
  fs::path directory;
};

HostProcess start_host(const Setup& setup, const std::string& name, const std::string& store) {
  const fs::path config = setup.options.work_dir / (name + ".yaml");
  std::ofstream(config) << "directory_file: " << setup.directory.string() << "\n" << store;
  servicedesk::test::HostOptions host;
  host.binary = setup.options.host_bin;
  host.extra_args = {"--catalog-dir", setup.catalog.string(), "--config", config.string()};
  host.log_dir = setup.options.work_dir / name;
  fs::create_directories(host.log_dir);
  host.threads = 0;
  host.ready_seconds = 60;
  return HostProcess(setup.options.work_dir / (name + "-data"), host);
}

/// One load over every client, or two halves at once against two hosts.
LoadFigures checkout_load(const std::vector<int>& ports, const Options& options) {
  std::vector<std::future<LoadFigures>> parts;
  std::vector<std::multiset<std::string>> numbers(ports.size());
  const int share = options.clients / static_cast<int>(ports.size());
  for (std::size_t i = 0; i < ports.size(); ++i)
    parts.push_back(std::async(std::launch::async, [&, i] {
      return run_checkout_load(ports[i], share, kPrefix, std::chrono::seconds(options.seconds),
                               numbers[i], static_cast<int>(i) * share);
    }));
  LoadFigures total;
  for (auto& part : parts) {
    const LoadFigures figures = part.get();
    total.completed += figures.completed;
    total.errors += figures.errors;
    total.seconds = std::max(total.seconds, figures.seconds);
    total.p99_ms = std::max(total.p99_ms, figures.p99_ms);  // the worse host's p99
  }
  return total;
}

double pg_commit_rate(const std::string& url, std::chrono::seconds duration) {
  pqxx::connection connection(url);
  pqxx::nontransaction work(connection);
  work.exec("CREATE TABLE raw_rows (id BIGSERIAL PRIMARY KEY, number TEXT NOT NULL)");
  work.exec("SET synchronous_commit = on");
  long commits = 0;
  const auto start = std::chrono::steady_clock::now();
  while (std::chrono::steady_clock::now() - start < duration)
    work.exec_params("INSERT INTO raw_rows(number) VALUES ($1)", "REQ" + std::to_string(++commits));
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return static_cast<double>(commits) / seconds;
}

long long commits_of(PgServer& server, const std::string& database) {
  return std::stoll(
      server.sql("SELECT xact_commit FROM pg_stat_database WHERE datname = '" + database + "'"));
}

void print(const std::string& figure, const LoadFigures& load, double raw) {
  std::printf("| %-34s | %10.1f | %8.1f | %6zu | %12.2f |\n", figure.c_str(), load.per_second(),
              load.p99_ms, load.errors, raw > 0 ? load.per_second() / raw : 0.0);
}

int run(const Options& options) {
  fs::remove_all(options.work_dir);
  fs::create_directories(options.work_dir);
  Setup setup{options, options.work_dir / "catalog-items", options.work_dir / "directory.csv"};
  fs::copy(options.catalog_dir, setup.catalog, fs::copy_options::recursive);
  write_load_directory(setup.directory, 1000, options.clients, kPrefix);
  std::vector<std::pair<std::string, LoadFigures>> rows;

  std::cout << "SQLite, one host: " << options.clients << " clients...\n";
  {
    HostProcess host = start_host(setup, "sqlite", "");
    rows.emplace_back("SQLite, one host", checkout_load({host.port()}, options));
  }

  PgServer server(options.work_dir / "pg", /*fsync=*/true);
  ::setenv("PGPASSWORD", PgServer::kPassword, 1);
  const std::string pg_store = "store:\n  pool_size: 16\n  migrate_on_start: true\n  postgres: ";
  std::cout << "PostgreSQL, one host...\n";
  long long one_host_commits = 0;
  {
    const std::string url = server.create_database("one_host");
    HostProcess host = start_host(setup, "pg-one", pg_store + url + "\n");
    const long long before = commits_of(server, "one_host");
    rows.emplace_back("PostgreSQL, one host", checkout_load({host.port()}, options));
    one_host_commits = commits_of(server, "one_host") - before;
  }
  std::cout << "PostgreSQL, two hosts...\n";
  {
    const std::string url = server.create_database("two_hosts");
    HostProcess a = start_host(setup, "pg-a", pg_store + url + "\n");
    HostProcess b = start_host(setup, "pg-b", pg_store + url + "\n");
    rows.emplace_back("PostgreSQL, two hosts", checkout_load({a.port(), b.port()}, options));
  }
  std::cout << "PostgreSQL, raw single-row commits...\n";
  const double raw = pg_commit_rate(server.create_database("raw"), std::chrono::seconds(3));

  std::printf("\n| %-34s | %10s | %8s | %6s | %12s |\n", "checkout (add-to-cart + checkout)",
              "orders/s", "p99 ms", "errors", "x PG raw");
  std::printf("|%s|%s|%s|%s|%s|\n", std::string(36, '-').c_str(), std::string(12, '-').c_str(),
              std::string(10, '-').c_str(), std::string(8, '-').c_str(),
              std::string(14, '-').c_str());
  for (const auto& [name, load] : rows) print(name, load, raw);
  std::printf("| %-34s | %10.1f | %8s | %6s | %12s |\n", "PostgreSQL raw commits/s (sync on)", raw,
              "-", "-", "1.00");
  const LoadFigures& one = rows[1].second;
  if (one.completed > 0) {
    const double per_order =
        static_cast<double>(one_host_commits) / static_cast<double>(one.completed);
    std::printf("\nPostgreSQL transactions committed per order (one host): %.2f\n", per_order);
    std::printf(
        "Database commits/s during the one-host load: %.0f (raw single-row: %.0f; "
        "concurrent commits share WAL flushes)\n",
        static_cast<double>(one_host_commits) / one.seconds, raw);
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"checkout figures of servicedesk-host on SQLite and PostgreSQL"};
  Options options;
  app.add_option("--host-bin", options.host_bin, "servicedesk-host binary")->required();
  app.add_option("--catalog-dir", options.catalog_dir, "catalog-items folder to copy")->required();
  app.add_option("--work-dir", options.work_dir, "scratch folder (wiped)");
  app.add_option("--clients", options.clients, "concurrent checkout clients (even)");
  app.add_option("--seconds", options.seconds, "duration of each checkout load");
  CLI11_PARSE(app, argc, argv);
  try {
    return run(options);
  } catch (const std::exception& e) {
    std::cerr << "servicedesk-store-load: " << e.what() << "\n";
    return 1;
  }
}
