// Log-in sessions: random ids, CSRF tokens, idle expiry.
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

/// Sessions kept in memory. Thread-safe.
class SessionManager {
 public:
  /// Sessions for the people of `directory`. Who may have one is LoginService's decision;
  /// administrative accounts never get one here either.
  SessionManager(const Directory& directory, RolesLookup roles, std::chrono::seconds idle_timeout);

  /// A new session for a person whose identity was checked (password, or the proxy's
  /// header); nothing for unknown names and administrative accounts.
  std::optional<Session> open(std::string_view username);
  /// The live session with this id (and marks it used), else nothing.
  std::optional<Session> find(std::string_view id);
  void log_out(std::string_view id);
  std::size_t size();

  /// 32 random bytes as 64 hex characters.
  static std::string random_token();

 private:
  struct Entry {
    Session session;
    std::chrono::steady_clock::time_point last_used;
  };
  void expire_locked(std::chrono::steady_clock::time_point now);

  const Directory& directory_;
  RolesLookup roles_;
  std::chrono::seconds idle_timeout_;
  std::mutex mutex_;
  std::unordered_map<std::string, Entry> sessions_;
  std::chrono::steady_clock::time_point last_sweep_;
};

/// Compares two tokens in constant time.
bool same_token(std::string_view a, std::string_view b);

}  // namespace servicedesk::host
