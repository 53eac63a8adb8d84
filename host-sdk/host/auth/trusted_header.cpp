// Proxy address blocks, the shared secret and the user header of trusted_header mode.
#include "auth/trusted_header.hpp"

#include <arpa/inet.h>

#include <algorithm>
#include <cctype>
#include <charconv>

#include <sodium.h>

namespace servicedesk::host {
namespace {

/// Parses an IPv4 or IPv6 address into IPv6 form (IPv4 mapped to ::ffff:a.b.c.d).
bool parse_address(std::string_view text, std::array<unsigned char, 16>& out, bool& v4) {
  const std::string address(text);
  unsigned char v4_bytes[4];
  if (inet_pton(AF_INET, address.c_str(), v4_bytes) == 1) {
    out = {};
    out[10] = out[11] = 0xFF;
    std::copy(v4_bytes, v4_bytes + 4, out.begin() + 12);
    v4 = true;
    return true;
  }
  v4 = false;
  return inet_pton(AF_INET6, address.c_str(), out.data()) == 1;
}

bool plain_username(std::string_view name) {
  return !name.empty() && name.size() <= 64 && std::all_of(name.begin(), name.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '-';
  });
}

}  // namespace

const char* to_string(AuthMode mode) {
  switch (mode) {
    case AuthMode::local:
      return "local";
    case AuthMode::ldap_bind:
      return "ldap_bind";
    case AuthMode::trusted_header:
      return "trusted_header";
  }
  return "local";
}

std::optional<TrustedHeaderGate> TrustedHeaderGate::make(const TrustedHeaderSettings& settings,
                                                         std::string& error) {
  TrustedHeaderGate gate(settings);
  if (settings.proxies.empty()) {
    error = "auth.trusted_header.proxies: name the reverse proxy's addresses (CIDR blocks)";
    return std::nullopt;
  }
  if (settings.secret.empty()) {
    error =
        "auth.trusted_header: the shared secret is empty; set the variable named by "
        "secret_env";
    return std::nullopt;
  }
  if (settings.header.empty() || settings.secret_header.empty()) {
    error = "auth.trusted_header: header and secret_header must name headers";
    return std::nullopt;
  }
  for (const auto& proxy : settings.proxies) {
    const auto slash = proxy.find('/');
    Block block;
    bool v4 = false;
    int prefix = -1;
    const std::string_view bits =
        slash == std::string::npos ? std::string_view() : std::string_view(proxy).substr(slash + 1);
    const bool address_ok =
        parse_address(std::string_view(proxy).substr(0, slash), block.address, v4);
    if (address_ok && slash == std::string::npos) prefix = v4 ? 32 : 128;
    if (address_ok && !bits.empty())
      std::from_chars(bits.data(), bits.data() + bits.size(), prefix);
    if (!address_ok || prefix < 0 || prefix > (v4 ? 32 : 128)) {
      error = "auth.trusted_header.proxies: \"" + proxy + "\" is not an address/prefix block";
      return std::nullopt;
    }
    block.prefix = v4 ? prefix + 96 : prefix;
    gate.blocks_.push_back(block);
  }
  return gate;
}

bool TrustedHeaderGate::allowed(std::string_view peer) const {
  std::array<unsigned char, 16> address{};
  bool v4 = false;
  if (!parse_address(peer, address, v4)) return false;
  return std::any_of(blocks_.begin(), blocks_.end(), [&](const Block& block) {
    for (int bit = 0; bit < block.prefix; ++bit) {
      const auto mask = static_cast<unsigned char>(0x80u >> (bit % 8));
      if ((address[static_cast<std::size_t>(bit / 8)] & mask) !=
          (block.address[static_cast<std::size_t>(bit / 8)] & mask))
        return false;
    }
    return true;
  });
}

TrustedIdentity TrustedHeaderGate::check(std::string_view peer, std::string_view secret_value,
                                         std::string_view user_value) const {
  TrustedIdentity identity;
  if (!allowed(peer)) {
    identity.refusal = "request from " + std::string(peer) + ", which is not a configured proxy";
    return identity;
  }
  const std::string& secret = settings_.secret;
  if (secret_value.size() != secret.size() ||
      sodium_memcmp(secret_value.data(), secret.data(), secret.size()) != 0) {
    identity.refusal = secret_value.empty()
                           ? "request without the " + settings_.secret_header + " header"
                           : "request with a wrong " + settings_.secret_header;
    return identity;
  }
  if (!plain_username(user_value)) {
    identity.refusal = user_value.empty()
                           ? "request without the " + settings_.header + " header"
                           : "the " + settings_.header + " header is not a user name";
    return identity;
  }
  identity.username.reserve(user_value.size());
  for (const char c : user_value)
    identity.username += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return identity;
}

}  // namespace servicedesk::host
