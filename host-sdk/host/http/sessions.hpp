// Log-in sessions: random ids, CSRF tokens, idle expiry; kept in the store for every host.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "servicedesk/directory.hpp"
#include "store/session_store.hpp"

namespace servicedesk::host {

/// One logged-in user.
struct Session {
  std::string id;  ///< 64 hex characters; the cookie value
  std::string username;
  std::string display_name;
  std::vector<std::string> roles;
  std::string csrf_token;  ///< 64 hex characters; required in X-CSRF-Token
  bool has_role(std::string_view role) const;
};

/// Looks up a user's roles (the host's directory knows them; plugins never do).
using RolesLookup = std::function<std::vector<std::string>(std::string_view username)>;

/// Sessions kept in the store (so every host on it serves them, and they survive a restart);
/// the store holds a hash of each id, never the id itself. Names and roles come from the
/// directory on each use. Thread-safe; a store that cannot be reached throws StoreUnavailable.
class SessionManager {
 public:
  /// Sessions for the people of `directory`. Who may have one is LoginService's decision;
  /// administrative accounts never get one here either.
  SessionManager(SessionStore& store, const Directory& directory, RolesLookup roles,
                 std::chrono::seconds idle_timeout);

  /// A new session for a person whose identity was checked (password, or the proxy's
  /// header); nothing for unknown names and administrative accounts. Throws StoreUnavailable
  /// when the session cannot be saved.
  std::optional<Session> open(std::string_view username);
  /// The live session with this id (and marks it used), else nothing.
  std::optional<Session> find(std::string_view id);
  void log_out(std::string_view id);
  /// Live sessions (0 when the store cannot say).
  std::size_t size();

  /// 32 random bytes as 64 hex characters.
  static std::string random_token();
  /// What the store keeps for a session id: its BLAKE2b hash in hex.
  static std::string key_of(std::string_view id);

 private:
  /// A session read from the store, and when.
  struct Recent {
    StoredSession stored;
    std::int64_t read_at_ms = 0;
  };

  std::optional<Session> session_for(const StoredSession& stored, std::string id);
  std::optional<StoredSession> stored_session(const std::string& key, std::int64_t now_ms);
  void sweep(std::int64_t now_ms);

  SessionStore& store_;
  const Directory& directory_;
  RolesLookup roles_;
  std::chrono::seconds idle_timeout_;
  std::mutex sweep_mutex_;
  std::int64_t last_sweep_ms_ = 0;
  /// Sessions read in the last second: a page's requests cost one store read, not one each.
  /// A log-out on this host takes effect at once; on another host within that second.
  std::mutex recent_mutex_;
  std::unordered_map<std::string, Recent> recent_;
};

/// Compares two tokens in constant time.
bool same_token(std::string_view a, std::string_view b);

}  // namespace servicedesk::host
