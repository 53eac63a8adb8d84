// Builds the host's identity parts from the configuration: log-in use case, throttles, gate.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "app/host_config.hpp"
#include "auth/login_service.hpp"
#include "auth/trusted_header.hpp"
#include "directory/live_directory.hpp"
#include "http/identity.hpp"

namespace servicedesk::host {

/// Everything Identity points at, owned together. Outlives the server.
struct IdentityParts {
  IdentityParts(const AuthSettings& auth)
      : per_user(auth.per_user), per_address(auth.per_address) {}
  FailureThrottle per_user;
  FailureThrottle per_address;
  std::optional<TrustedHeaderGate> gate;
  std::unique_ptr<LoginService> login;
  Identity identity;
};

/// The identity parts for `config.auth` over `directory`; nullptr with `error` when the
/// configuration cannot work (trusted_header without proxies or secret).
std::unique_ptr<IdentityParts> make_identity(const HostConfig& config, LiveDirectory& directory,
                                             std::string& error);

/// The directory's health as /healthz shows it (no error text: that goes to the log).
nlohmann::json directory_health_json(const DirectoryHealth& health);

}  // namespace servicedesk::host
