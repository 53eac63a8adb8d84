// `auth.mode: trusted_header`: accepts a user name from a reverse proxy, and only from it.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "auth/auth_settings.hpp"

namespace servicedesk::host {

/// The answer for one request: the user name, or why the request is refused (for the log).
struct TrustedIdentity {
  std::string username;
  std::string refusal;
  bool ok() const { return refusal.empty(); }
};

/// Checks that a request comes from a configured proxy address AND carries the shared
/// secret, then takes the user name from the configured header. Immutable; thread-safe.
class TrustedHeaderGate {
 public:
  /// Nothing (with `error`) when a proxy is not a CIDR block, none is given, or the secret
  /// is empty.
  static std::optional<TrustedHeaderGate> make(const TrustedHeaderSettings& settings,
                                               std::string& error);

  /// `peer`: the connection's address; the two header values as received (empty if absent).
  TrustedIdentity check(std::string_view peer, std::string_view secret_value,
                        std::string_view user_value) const;

  const TrustedHeaderSettings& settings() const { return settings_; }

 private:
  struct Block {
    std::array<unsigned char, 16> address{};  ///< IPv4 as IPv4-mapped IPv6
    int prefix = 0;                           ///< in IPv6 bits
  };
  explicit TrustedHeaderGate(TrustedHeaderSettings settings) : settings_(std::move(settings)) {}
  bool allowed(std::string_view peer) const;

  TrustedHeaderSettings settings_;
  std::vector<Block> blocks_;
};

}  // namespace servicedesk::host
