// Duo users read for the rules: a short-lived cache with one request in flight per account.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <future>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "duo_admin_client.hpp"

namespace servicedesk::duo {

/// A phone as Duo lists it.
struct DuoPhone {
  std::string id;
  std::string number;  ///< E.164
};

/// A Duo user with every phone associated with it.
struct DuoUser {
  std::string id;
  std::string username;
  std::vector<DuoPhone> phones;
};

/// A user read: the user, "no such user" (nothing, no error), or why Duo could not be read.
struct UserRead {
  std::optional<DuoUser> user;
  DuoError error;
  bool ok() const noexcept { return error.kind == DuoError::Kind::none; }
};

/// Caches successful reads for `ttl`. Concurrent asks for one username share one read; a
/// failed read is handed to whoever waited for it and not kept.
class DuoAccountCache {
 public:
  using Loader = std::function<UserRead(const std::string& username)>;
  DuoAccountCache(std::chrono::milliseconds ttl, Loader loader);

  UserRead get(std::string_view username);
  /// Forgets `username`, so the next read asks Duo (after a change).
  void invalidate(std::string_view username);

 private:
  struct Entry {
    std::shared_future<UserRead> read;
    std::chrono::steady_clock::time_point fresh_until;
    bool done = false;
    std::uint64_t generation = 0;  ///< tells a read's own entry from a later one
  };

  std::chrono::milliseconds ttl_;
  Loader loader_;
  std::mutex mutex_;
  std::uint64_t next_generation_ = 0;
  std::map<std::string, Entry, std::less<>> entries_;
};

}  // namespace servicedesk::duo
