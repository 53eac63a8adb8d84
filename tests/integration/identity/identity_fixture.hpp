// One slapd with a generated campus of 10,000+ people, shared by every identity test, and hosts
// configured against it.
#pragma once

#include <memory>
#include <string>

#include <gtest/gtest.h>

#include "api_fixture.hpp"
#include "slapd_server.hpp"

namespace servicedesk::test {

inline constexpr std::size_t kGeneratedPeople = 10000;
inline constexpr const char* kProxySecret = "proxy-shared-secret";

/// The shared directory server (started once, before the first test).
SlapdServer& campus_ldap();

/// A configuration file's text: `directory.ldap` at `url`, then `extra` (an auth section ...).
std::string ldap_config(const std::string& url, const std::string& extra,
                        int refresh_seconds = 300);

/// A host started with `config_text` written to a file in its own temporary folder.
class ConfiguredHost {
 public:
  explicit ConfiguredHost(const std::string& config_text);
  HostProcess& host() { return *host_; }
  int port() const { return host_->port(); }
  const std::filesystem::path& data_dir() const { return data_; }
  /// A client logged in with a password (asserts 200).
  ApiClient as(const std::string& username, const std::string& password);

 private:
  TempDir dir_;
  std::filesystem::path data_;
  std::unique_ptr<HostProcess> host_;
};

/// The DUO item's Update for tuffytitan, ordered by `ditc`: the request's first RITM number.
std::string order_update_for_tuffy(ApiClient& ditc, const std::string& phone);

}  // namespace servicedesk::test
