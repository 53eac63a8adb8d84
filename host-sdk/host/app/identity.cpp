// The password check of each auth mode, wired to the log-in use case.
#include "app/identity.hpp"

#include <spdlog/spdlog.h>

#include "auth/password_hash.hpp"
#include "directory/ldap_directory_source.hpp"

namespace servicedesk::host {
namespace {

PasswordCheck password_check(const HostConfig& config, LiveDirectory& directory) {
  switch (config.auth.mode) {
    case AuthMode::local:
      return [&directory](std::string_view username, std::string_view password) {
        return password_matches(directory.password_hash(username), password)
                   ? PasswordVerdict::match
                   : PasswordVerdict::mismatch;
      };
    case AuthMode::ldap_bind:
      return [ldap = config.ldap](std::string_view username, std::string_view password) {
        std::string error;
        const bool match = ldap_password_matches(ldap, username, password, error);
        if (!error.empty()) {
          spdlog::error("log-in: the directory server cannot check passwords: {}", error);
          return PasswordVerdict::unavailable;
        }
        return match ? PasswordVerdict::match : PasswordVerdict::mismatch;
      };
    case AuthMode::trusted_header:
      break;
  }
  // The proxy checks passwords; a password sent here never matches.
  return [](std::string_view, std::string_view) { return PasswordVerdict::mismatch; };
}

}  // namespace

std::unique_ptr<IdentityParts> make_identity(const HostConfig& config, LiveDirectory& directory,
                                             std::string& error) {
  auto parts = std::make_unique<IdentityParts>(config.auth);
  parts->identity.mode = config.auth.mode;
  if (config.auth.mode == AuthMode::trusted_header) {
    parts->gate = TrustedHeaderGate::make(config.auth.trusted_header, error);
    if (!parts->gate) return nullptr;
    parts->identity.gate = &*parts->gate;
  }
  parts->login = std::make_unique<LoginService>(directory, password_check(config, directory),
                                                parts->per_user, parts->per_address);
  parts->identity.login = parts->login.get();
  parts->identity.directory_health = [&directory] {
    return directory_health_json(directory.health());
  };
  return parts;
}

nlohmann::json directory_health_json(const DirectoryHealth& health) {
  return {{"source", health.source.rfind("ldap", 0) == 0 ? health.source : "file"},
          {"entries", health.entries},
          {"stale", health.stale},
          {"refresh_failures", health.failures},
          {"age_seconds", static_cast<std::int64_t>(health.age_seconds)}};
}

}  // namespace servicedesk::host
