// What the routes need to know about identity: the log-in use case, the proxy gate, the mode.
#pragma once

#include <functional>

#include <nlohmann/json.hpp>

#include "auth/auth_settings.hpp"
#include "auth/login_service.hpp"
#include "auth/trusted_header.hpp"

namespace servicedesk::host {

/// Owned by the app; outlives the server.
struct Identity {
  AuthMode mode = AuthMode::local;
  LoginService* login = nullptr;
  /// Set in trusted_header mode: every call with a session must pass it too.
  const TrustedHeaderGate* gate = nullptr;
  /// The directory's source and freshness for /healthz (null: not reported).
  std::function<nlohmann::json()> directory_health;
};

}  // namespace servicedesk::host
