// Sharded LRU cache of phone verdicts.
#include "verdict_cache.hpp"

#include <algorithm>
#include <functional>

namespace servicedesk::duo {

VerdictCache::VerdictCache(std::size_t capacity)
    : shard_capacity_(std::max<std::size_t>(1, (capacity + kShards - 1) / kShards)) {}

VerdictCache::Shard& VerdictCache::shard_for(std::string_view, std::size_t hash) {
  // The low bits pick the bucket inside the shard's map; use high bits for the shard.
  return shards_[(hash >> 24) % kShards];
}

std::optional<RuleVerdict> VerdictCache::find(std::string_view key) {
  const std::size_t hash = std::hash<std::string_view>{}(key);
  Shard& shard = shard_for(key, hash);
  std::lock_guard lock(shard.mutex);
  const auto it = shard.index.find(key);
  if (it == shard.index.end()) return std::nullopt;
  shard.recent.splice(shard.recent.begin(), shard.recent, it->second);
  return it->second->verdict;
}

void VerdictCache::insert(std::string_view key, const RuleVerdict& verdict) {
  const std::size_t hash = std::hash<std::string_view>{}(key);
  Shard& shard = shard_for(key, hash);
  std::lock_guard lock(shard.mutex);
  if (const auto it = shard.index.find(key); it != shard.index.end()) {
    it->second->verdict = verdict;
    shard.recent.splice(shard.recent.begin(), shard.recent, it->second);
    return;
  }
  if (shard.index.size() >= shard_capacity_) {
    shard.index.erase(shard.recent.back().key);
    shard.recent.pop_back();
  }
  shard.recent.push_front(Entry{std::string(key), verdict});
  shard.index.emplace(shard.recent.front().key, shard.recent.begin());
}

std::size_t VerdictCache::size() const {
  std::size_t total = 0;
  for (const Shard& shard : shards_) {
    std::lock_guard lock(shard.mutex);
    total += shard.index.size();
  }
  return total;
}

}  // namespace servicedesk::duo
