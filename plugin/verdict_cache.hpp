// A bounded, thread-safe memo of phone answers already checked (text -> verdict).
#pragma once

#include <array>
#include <cstddef>
#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "servicedesk/handlers.hpp"

namespace servicedesk::duo {

/// The portal re-evaluates the whole form on every keystroke, and a libphonenumber parse
/// costs tens of microseconds: remembering verdicts makes re-checking an answer cheap.
/// Least-recently-used entries leave first; shards keep threads from queueing on one lock.
class VerdictCache {
 public:
  /// Holds at most `capacity` entries in all (at least one per shard).
  explicit VerdictCache(std::size_t capacity);
  VerdictCache(const VerdictCache&) = delete;
  VerdictCache& operator=(const VerdictCache&) = delete;

  /// The verdict remembered for `key`, marking it as recently used.
  std::optional<RuleVerdict> find(std::string_view key);
  /// Remembers `verdict` for `key`, dropping the least recently used entry of a full shard.
  void insert(std::string_view key, const RuleVerdict& verdict);
  /// Entries held now.
  std::size_t size() const;
  std::size_t capacity() const noexcept { return shard_capacity_ * kShards; }

 private:
  static constexpr std::size_t kShards = 16;
  struct Entry {
    std::string key;
    RuleVerdict verdict;
  };
  struct Shard {
    mutable std::mutex mutex;
    std::list<Entry> recent;  // most recently used first; nodes never move in memory
    std::unordered_map<std::string_view, std::list<Entry>::iterator> index;  // keys view nodes
  };
  Shard& shard_for(std::string_view key, std::size_t hash);

  std::size_t shard_capacity_;
  std::array<Shard, kShards> shards_;
};

}  // namespace servicedesk::duo
