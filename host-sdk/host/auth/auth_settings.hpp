// The `auth` configuration section: how people prove who they are, and the log-in throttle.
#pragma once

#include <string>
#include <vector>

#include "auth/login_throttle.hpp"

namespace servicedesk::host {

enum class AuthMode { local, ldap_bind, trusted_header };

/// "local", "ldap_bind" or "trusted_header".
const char* to_string(AuthMode mode);

/// `auth.trusted_header`: who the reverse proxy says the user is, and how it proves it is
/// the proxy.
struct TrustedHeaderSettings {
  std::string header = "X-Remote-User";
  std::vector<std::string> proxies;  ///< CIDR blocks ("127.0.0.1/32") the proxy calls from
  std::string secret_header = "X-Proxy-Secret";
  std::string secret_env;  ///< name of the variable holding the shared secret
  std::string secret;      ///< read from secret_env at start; never logged
};

struct AuthSettings {
  AuthMode mode = AuthMode::local;
  bool mode_given = false;  ///< false: ldap_bind with an LDAP directory, else local
  TrustedHeaderSettings trusted_header;
  ThrottleSettings per_user;  ///< failed log-ins per user name
  ThrottleSettings per_address{20, std::chrono::seconds(1), std::chrono::seconds(900),
                               std::chrono::seconds(3600)};  ///< per client address
};

}  // namespace servicedesk::host
