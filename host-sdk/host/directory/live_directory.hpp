// A Directory whose contents a refresh can replace while requests are being served.
#pragma once

#include <chrono>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <utility>

#include "directory/indexed_directory.hpp"

namespace servicedesk::host {

/// How the directory's source is doing (for /healthz, /metrics and the log).
struct DirectoryHealth {
  std::string source;  ///< "file", "demo file" or the LDAP URL
  std::size_t entries = 0;
  bool stale = false;  ///< the last refresh failed: serving the last good copy
  std::string last_error;
  std::uint64_t refreshes = 0;  ///< successful loads, the first included
  std::uint64_t failures = 0;   ///< failed refreshes since start
  double last_load_seconds = 0;
  /// Seconds since the last successful load.
  double age_seconds = 0;
};

/// Serves one IndexedDirectory snapshot at a time. `replace` swaps in a new one atomically;
/// the replaced snapshot stays alive for `grace` so entry pointers handed out by a search just
/// before the swap stay valid for the request that holds them. Thread-safe.
class LiveDirectory final : public Directory {
 public:
  explicit LiveDirectory(std::unique_ptr<IndexedDirectory> initial, std::string source,
                         std::chrono::seconds grace = std::chrono::seconds(60));

  std::vector<const DirectoryEntry*> search(std::string_view query, KindFilter kind,
                                            std::size_t limit) const override;
  const DirectoryEntry* find(std::string_view username) const override;

  /// The snapshot in service now (held by the caller as long as it needs it).
  std::shared_ptr<const IndexedDirectory> current() const;
  /// Roles and hash by value: the snapshot they came from may be replaced meanwhile.
  std::vector<std::string> roles(std::string_view username) const;
  std::string password_hash(std::string_view username) const;

  /// Serves `next` from now on; records a successful load that took `load_seconds`.
  void replace(std::unique_ptr<IndexedDirectory> next, double load_seconds);
  /// Records a successful load whose result equals the snapshot in service.
  void mark_fresh(double load_seconds);
  /// Records a failed refresh; the snapshot in service stays.
  void mark_failed(std::string error);
  DirectoryHealth health() const;

 private:
  mutable std::mutex mutex_;
  std::shared_ptr<const IndexedDirectory> current_;
  std::deque<
      std::pair<std::chrono::steady_clock::time_point, std::shared_ptr<const IndexedDirectory>>>
      retired_;
  std::chrono::seconds grace_;
  DirectoryHealth health_;
  std::chrono::steady_clock::time_point last_success_;
};

}  // namespace servicedesk::host
