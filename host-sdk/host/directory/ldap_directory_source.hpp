// Reads people, administrative accounts and roles from an LDAP server into directory records.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "directory/indexed_directory.hpp"
#include "directory/ldap_settings.hpp"

namespace servicedesk::host {

/// Every record the server holds, or why it could not be read (then `records` is empty).
struct LdapLoadResult {
  std::vector<DirectoryRecord> records;
  std::string error;        ///< empty on success
  std::size_t skipped = 0;  ///< entries without a usable username, name or address
  bool ok() const { return error.empty(); }
};

/// Binds as the service, pages through `person_filter` and `administrative_filter` under
/// `base_dn`, and gives each member of a configured group its role. People are named
/// "Last, First" from the first and last name attributes (the directory's convention), or by
/// the display name attribute when either is missing. Never throws.
LdapLoadResult load_ldap_records(const LdapSettings& settings);

/// `auth.mode: ldap_bind`: finds the person's DN with the service's bind, then binds as that DN
/// with `password`. True only when that second bind succeeds. `error` says why not when the
/// server itself failed (not for a wrong password).
bool ldap_password_matches(const LdapSettings& settings, std::string_view username,
                           std::string_view password, std::string& error);

/// A 64-bit fingerprint of the records (to skip rebuilding an unchanged directory).
std::uint64_t fingerprint(const std::vector<DirectoryRecord>& records);

}  // namespace servicedesk::host
