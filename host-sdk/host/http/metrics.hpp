// Counters behind GET /metrics, rendered in the Prometheus text format.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <tuple>

namespace servicedesk::host {

/// Gauges and counters the host reads from other parts when /metrics is scraped.
struct MetricSources {
  std::function<std::uint64_t()> checkouts;
  std::function<std::uint64_t()> outbox_depth;
  std::function<std::uint64_t()> delivery_failures;
  std::function<std::uint64_t()> deliveries;
  std::function<std::uint64_t()> sessions;
  std::function<std::uint64_t()> store_commits;
  std::function<std::uint64_t()> store_write_jobs;
  std::function<std::uint64_t()> directory_entries;
  std::function<std::uint64_t()> directory_stale;  ///< 1 while serving the last good copy
  std::function<std::uint64_t()> directory_refresh_failures;
  std::function<std::uint64_t()> directory_age_seconds;
  std::function<std::uint64_t()> fulfilment_waiting;      ///< jobs queued, not yet failed once
  std::function<std::uint64_t()> fulfilment_retry_queue;  ///< jobs waiting to retry
  std::function<std::uint64_t()> fulfilment_failed;       ///< items failed, waiting for staff
  /// Extra exposition text (plugins' counters), appended as is.
  std::function<std::string()> extra;
};

/// Request counts by route pattern, method and status. Thread-safe.
class Metrics {
 public:
  void count_request(const std::string& route, const std::string& method, int status);
  /// The whole exposition text.
  std::string render(const MetricSources& sources);

 private:
  std::mutex mutex_;
  std::map<std::tuple<std::string, std::string, int>, std::uint64_t> requests_;
};

}  // namespace servicedesk::host
