// The log-in use case: throttle, directory lookup, password check by the configured mode.
#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <string_view>

#include "auth/login_throttle.hpp"
#include "servicedesk/directory.hpp"

namespace servicedesk::host {

/// What a password check found.
enum class PasswordVerdict { match, mismatch, unavailable };

/// Checks a person's password (local hash or LDAP bind). Called for every attempt that is not
/// throttled, also for unknown names, so timing does not tell which names exist.
using PasswordCheck =
    std::function<PasswordVerdict(std::string_view username, std::string_view password)>;

struct LoginOutcome {
  enum class Kind { accepted, refused, throttled, unavailable } kind = Kind::refused;
  std::string username;                ///< set when accepted
  std::chrono::seconds retry_after{};  ///< set when throttled
};

/// Failed log-ins are limited per user name and per client address; a success resets the
/// user's count. Every failure and every lock is logged, never with the password.
/// Administrative accounts never log in. Thread-safe.
class LoginService {
 public:
  LoginService(const Directory& directory, PasswordCheck check, FailureThrottle& per_user,
               FailureThrottle& per_address)
      : directory_(directory),
        check_(std::move(check)),
        per_user_(per_user),
        per_address_(per_address) {}

  LoginOutcome log_in(std::string_view username, std::string_view password,
                      std::string_view client);

  /// For trusted_header mode: whether `username` is a person who may have a session.
  bool may_log_in(std::string_view username) const;

 private:
  const Directory& directory_;
  PasswordCheck check_;
  FailureThrottle& per_user_;
  FailureThrottle& per_address_;
};

/// `text` fit for a log line: printable ASCII only, at most 64 characters.
std::string loggable(std::string_view text);

}  // namespace servicedesk::host
