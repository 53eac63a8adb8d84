// One connection to the directory server with libldap: TLS, simple binds, paged searches.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "directory/ldap_settings.hpp"

namespace servicedesk::host {

/// The attribute values of one search result entry.
struct LdapEntry {
  std::string dn;
  std::map<std::string, std::vector<std::string>> values;  ///< lower-case attribute names
  /// The first value of `attribute`, or empty.
  std::string first(const std::string& attribute) const;
};

/// An open connection (TLS as configured); every call returns an error message or nothing.
/// Not thread-safe: one user at a time.
class LdapConnection {
 public:
  /// Connects to `settings.url` (StartTLS or ldaps:// with the CA file when set). Binds
  /// nothing yet. Returns nullptr and sets `error` when the server cannot be reached.
  static std::unique_ptr<LdapConnection> open(const LdapSettings& settings, std::string& error);
  ~LdapConnection();
  LdapConnection(const LdapConnection&) = delete;
  LdapConnection& operator=(const LdapConnection&) = delete;

  /// Simple bind; an error message when refused (wrong password, unknown DN, server down).
  std::optional<std::string> bind(const std::string& dn, std::string_view password);
  /// Subtree search under `base` with the paged-results control; calls `take` per entry.
  std::optional<std::string> search_paged(const std::string& base, const std::string& filter,
                                          const std::vector<std::string>& attributes,
                                          const std::function<void(LdapEntry&&)>& take);
  /// Base-object search of `dn` (a group); an error when it does not exist.
  std::optional<std::string> read(const std::string& dn, const std::vector<std::string>& attributes,
                                  LdapEntry& out);

 private:
  struct Handle;
  explicit LdapConnection(std::unique_ptr<Handle> handle);
  std::unique_ptr<Handle> handle_;
};

/// Escapes a value for use inside a search filter (RFC 4515): `*`, `(`, `)`, `\`, NUL.
std::string escape_filter_value(std::string_view value);

/// "CN=Dana Coordinator, OU=People,dc=Example" -> "cn=dana coordinator,ou=people,dc=example":
/// enough to match group member DNs against entry DNs written by the same server.
std::string normalize_dn(std::string_view dn);

}  // namespace servicedesk::host
