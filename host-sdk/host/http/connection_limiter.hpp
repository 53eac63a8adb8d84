// Caps on open connections, in total and per client address.
#pragma once

#include <cstddef>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace servicedesk::host {

/// Counts open connections. Thread-safe; a Slot gives its place back when destroyed.
class ConnectionLimiter {
 public:
  class Slot {
   public:
    Slot(ConnectionLimiter* owner, std::string address)
        : owner_(owner), address_(std::move(address)) {}
    Slot(Slot&& other) noexcept : owner_(other.owner_), address_(std::move(other.address_)) {
      other.owner_ = nullptr;
    }
    Slot& operator=(Slot&&) = delete;
    Slot(const Slot&) = delete;
    ~Slot() {
      if (owner_) owner_->release(address_);
    }

   private:
    ConnectionLimiter* owner_;
    std::string address_;
  };

  ConnectionLimiter(std::size_t max_total, std::size_t max_per_address)
      : max_total_(max_total), max_per_address_(max_per_address) {}

  /// A place for one more connection from `address`, or nothing when a cap is reached.
  std::optional<Slot> try_acquire(const std::string& address);
  std::size_t open() const;

 private:
  void release(const std::string& address);

  const std::size_t max_total_;
  const std::size_t max_per_address_;
  mutable std::mutex mutex_;
  std::size_t total_ = 0;
  std::unordered_map<std::string, std::size_t> per_address_;
};

}  // namespace servicedesk::host
