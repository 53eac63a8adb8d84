// Counts failures per key (a user name, a client address) and locks a key for a growing delay.
#pragma once

#include <chrono>
#include <cstddef>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace servicedesk::host {

/// How many failures are free and how long the locks after them last.
struct ThrottleSettings {
  int free_failures = 5;                    ///< failures before the first lock
  std::chrono::seconds first_lock{1};       ///< doubles with every further failure ...
  std::chrono::seconds longest_lock{900};   ///< ... up to this
  std::chrono::seconds forget_after{3600};  ///< a key quiet this long starts over
};

/// Failure counts and locks by key. Memory is bounded: quiet keys are forgotten, and when
/// `max_keys` are held the stalest one makes room. Thread-safe.
class FailureThrottle {
 public:
  using Clock = std::chrono::steady_clock;
  explicit FailureThrottle(ThrottleSettings settings, std::size_t max_keys = 100000)
      : settings_(settings), max_keys_(max_keys) {}

  /// While `key` is locked: the seconds until it opens (at least 1). Otherwise nothing.
  std::optional<std::chrono::seconds> locked(std::string_view key,
                                             Clock::time_point now = Clock::now());
  /// Counts a failure; returns the lock it starts, if it starts one.
  std::optional<std::chrono::seconds> failure(std::string_view key,
                                              Clock::time_point now = Clock::now());
  /// Forgets `key`'s failures (a success).
  void reset(std::string_view key);
  /// Failures counted for `key` (for logs).
  int failures(std::string_view key);

 private:
  struct Count {
    int failures = 0;
    Clock::time_point last_failure;
    Clock::time_point locked_until;
  };
  void make_room(Clock::time_point now);

  ThrottleSettings settings_;
  std::size_t max_keys_;
  std::mutex mutex_;
  std::unordered_map<std::string, Count> counts_;
};

}  // namespace servicedesk::host
