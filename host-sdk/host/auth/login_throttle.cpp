// Failure counting and exponential locks.
#include "auth/login_throttle.hpp"

#include <algorithm>

namespace servicedesk::host {

std::optional<std::chrono::seconds> FailureThrottle::locked(std::string_view key,
                                                            Clock::time_point now) {
  std::lock_guard lock(mutex_);
  const auto it = counts_.find(std::string(key));
  if (it == counts_.end() || now >= it->second.locked_until) return std::nullopt;
  const auto left = std::chrono::ceil<std::chrono::seconds>(it->second.locked_until - now);
  return std::max(left, std::chrono::seconds(1));
}

std::optional<std::chrono::seconds> FailureThrottle::failure(std::string_view key,
                                                             Clock::time_point now) {
  std::lock_guard lock(mutex_);
  auto it = counts_.find(std::string(key));
  if (it == counts_.end()) {
    make_room(now);
    it = counts_.emplace(std::string(key), Count{}).first;
  }
  Count& count = it->second;
  if (count.failures > 0 && now - count.last_failure > settings_.forget_after) count = Count{};
  ++count.failures;
  count.last_failure = now;
  // The free_failures-th failure starts the first lock: five wrong answers, then a wait.
  const int over = count.failures - settings_.free_failures + 1;
  if (over <= 0) return std::nullopt;
  // first_lock * 2^(over-1), without overflowing the shift.
  auto delay = settings_.first_lock;
  for (int i = 1; i < over && delay < settings_.longest_lock; ++i) delay *= 2;
  delay = std::min(delay, settings_.longest_lock);
  count.locked_until = now + delay;
  return delay;
}

void FailureThrottle::reset(std::string_view key) {
  std::lock_guard lock(mutex_);
  counts_.erase(std::string(key));
}

int FailureThrottle::failures(std::string_view key) {
  std::lock_guard lock(mutex_);
  const auto it = counts_.find(std::string(key));
  return it == counts_.end() ? 0 : it->second.failures;
}

void FailureThrottle::make_room(Clock::time_point now) {
  if (counts_.size() < max_keys_) return;
  std::erase_if(counts_, [&](const auto& item) {
    return now - item.second.last_failure > settings_.forget_after &&
           now >= item.second.locked_until;
  });
  if (counts_.size() < max_keys_) return;
  const auto stalest = std::min_element(counts_.begin(), counts_.end(), [](auto& a, auto& b) {
    return a.second.last_failure < b.second.last_failure;
  });
  counts_.erase(stalest);
}

}  // namespace servicedesk::host
