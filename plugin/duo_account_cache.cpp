// The rules' Duo reads: cached briefly, one read in flight per account.
#include "duo_account_cache.hpp"

namespace servicedesk::duo {

DuoAccountCache::DuoAccountCache(std::chrono::milliseconds ttl, Loader loader)
    : ttl_(ttl), loader_(std::move(loader)) {}

UserRead DuoAccountCache::get(std::string_view username) {
  std::unique_lock lock(mutex_);
  const auto now = std::chrono::steady_clock::now();
  if (auto found = entries_.find(username); found != entries_.end()) {
    Entry& entry = found->second;
    if (!entry.done || now < entry.fresh_until) {
      std::shared_future<UserRead> shared = entry.read;
      lock.unlock();
      return shared.get();  // in flight: wait for it; fresh: its value
    }
    entries_.erase(found);
  }
  std::promise<UserRead> promise;
  const std::string key(username);
  const std::uint64_t generation = ++next_generation_;
  entries_[key] = {promise.get_future().share(), now, false, generation};
  lock.unlock();

  UserRead read;
  try {
    read = loader_(key);
  } catch (const std::exception& e) {
    read.error = {DuoError::Kind::protocol, 0, 0, e.what(), ""};
  }
  promise.set_value(read);

  lock.lock();
  if (auto found = entries_.find(key);
      found != entries_.end() && found->second.generation == generation) {
    if (read.ok() && ttl_.count() > 0) {
      found->second.done = true;
      found->second.fresh_until = std::chrono::steady_clock::now() + ttl_;
    } else {
      entries_.erase(found);
    }
  }
  return read;
}

void DuoAccountCache::invalidate(std::string_view username) {
  std::lock_guard lock(mutex_);
  // A read in flight started before the change: dropping its entry keeps it from being cached.
  if (auto found = entries_.find(username); found != entries_.end()) entries_.erase(found);
}

}  // namespace servicedesk::duo
