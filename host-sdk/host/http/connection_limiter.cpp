// Connection counting behind the total and per-address caps.
#include "http/connection_limiter.hpp"

namespace servicedesk::host {

std::optional<ConnectionLimiter::Slot> ConnectionLimiter::try_acquire(const std::string& address) {
  std::lock_guard lock(mutex_);
  if (total_ >= max_total_) return std::nullopt;
  std::size_t& count = per_address_[address];
  if (count >= max_per_address_) {
    if (count == 0) per_address_.erase(address);
    return std::nullopt;
  }
  ++count;
  ++total_;
  return Slot(this, address);
}

std::size_t ConnectionLimiter::open() const {
  std::lock_guard lock(mutex_);
  return total_;
}

void ConnectionLimiter::release(const std::string& address) {
  std::lock_guard lock(mutex_);
  --total_;
  auto it = per_address_.find(address);
  if (it != per_address_.end() && --it->second == 0) per_address_.erase(it);
}

}  // namespace servicedesk::host
