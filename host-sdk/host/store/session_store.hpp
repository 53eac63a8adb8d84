// Log-in sessions as the store keeps them, so that every host sees every session.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace servicedesk::host {

/// Thrown by a store read when the database cannot be reached right now; answered 503.
struct StoreUnavailable : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// One stored session. `key` is a hash of the cookie's id: the database never holds an id a
/// reader of it could present as a cookie.
struct StoredSession {
  std::string key;
  std::string username;
  std::string csrf_token;
  std::int64_t last_used_ms = 0;
};

/// Sessions shared by every host on the store. Implementations are thread-safe; a read that
/// cannot reach the database throws StoreUnavailable.
class SessionStore {
 public:
  virtual ~SessionStore() = default;
  /// Stores a new session; false when it could not be written.
  virtual bool save_session(const StoredSession& session) = 0;
  /// The session with this key, when it was used at or after `live_since_ms`.
  virtual std::optional<StoredSession> find_session(std::string_view key,
                                                    std::int64_t live_since_ms) = 0;
  /// Records a use of the session (callers do this at most about once a minute).
  virtual void touch_session(std::string_view key, std::int64_t now_ms) = 0;
  virtual void delete_session(std::string_view key) = 0;
  /// Removes sessions last used before `live_since_ms`; returns how many.
  virtual std::size_t expire_sessions(std::int64_t live_since_ms) = 0;
  /// Sessions used at or after `live_since_ms` (for /metrics).
  virtual std::size_t session_count(std::int64_t live_since_ms) = 0;
};

}  // namespace servicedesk::host
