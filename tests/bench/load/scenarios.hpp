// Load scenarios against a running host: checkout throughput, directory search, hot reload.
#pragma once

#include <chrono>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

namespace servicedesk::bench {

/// What a timed scenario measured.
struct LoadFigures {
  std::size_t completed = 0;  ///< successful operations (a checkout: add-to-cart + checkout)
  std::size_t errors = 0;     ///< unexpected statuses or failed connections
  double seconds = 0;
  double p50_ms = 0;
  double p99_ms = 0;
  double per_second() const { return seconds > 0 ? static_cast<double>(completed) / seconds : 0; }
};

/// Every DITC `user_prefix`<first_user>..NN loops add-to-cart (the DUO item) + checkout for
/// `duration`. `numbers` receives every REQ and RITM number answered.
LoadFigures run_checkout_load(int port, int clients, const std::string& user_prefix,
                              std::chrono::seconds duration, std::multiset<std::string>& numbers,
                              int first_user = 0);

/// `clients` logged-in users query the directory with name and username prefixes.
LoadFigures run_search_load(int port, int clients, const std::string& user_prefix,
                            std::chrono::seconds duration);

/// Rewrites the name of the item in `yaml_file` and polls GET /api/catalog/items/{item} until
/// it shows; returns the time from the write to the new version being served.
double measure_reload_ms(int port, const std::string& user, const std::filesystem::path& yaml_file,
                         const std::string& item);

/// Writes a CSV directory: `people` generated people, `ditcs` DITCs named prefix00.., and the
/// demo people the DUO order refers to.
void write_load_directory(const std::filesystem::path& file, std::size_t people, int ditcs,
                          const std::string& ditc_prefix);

/// Raw single-row commits per second of SQLite (WAL, synchronous=FULL) in `folder`.
double sqlite_single_row_commits_per_second(const std::filesystem::path& folder,
                                            std::chrono::seconds duration);

/// Requests and items stored, and whether every number is unique (read after the host stops).
struct StoreCount {
  long requests = 0;
  long items = 0;
  bool numbers_unique = false;
};
StoreCount count_store(const std::filesystem::path& database);

}  // namespace servicedesk::bench
