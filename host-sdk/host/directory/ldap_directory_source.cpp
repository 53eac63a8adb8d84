// Mapping LDAP entries and group memberships to directory records; the ldap_bind check.
#include "directory/ldap_directory_source.hpp"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "directory/directory_parsing.hpp"
#include "directory/ldap_connection.hpp"

namespace servicedesk::host {
namespace {

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

/// "dc=example,dc=edu" -> "example.edu": where mail goes for entries without an address.
std::string domain_of(std::string_view base_dn) {
  std::string domain;
  const std::string dn = normalize_dn(base_dn);
  std::size_t pos = 0;
  while ((pos = dn.find("dc=", pos)) != std::string::npos) {
    const std::size_t end = std::min(dn.find(',', pos), dn.size());
    if (!domain.empty()) domain += '.';
    domain += dn.substr(pos + 3, end - pos - 3);
    pos = end;
  }
  return domain.empty() ? "example.edu" : domain;
}

std::vector<std::string> entry_attributes(const LdapAttributes& a) {
  return {a.username, a.first_name, a.last_name, a.display_name, a.email, a.department, "cn"};
}

RawEntry raw_entry(const LdapEntry& entry, const LdapAttributes& a, const char* kind) {
  RawEntry raw;
  raw.username = lower(entry.first(a.username));
  raw.kind = kind;
  const std::string first = entry.first(a.first_name);
  const std::string last = entry.first(a.last_name);
  if (raw.kind == std::string("person") && !first.empty() && !last.empty()) {
    raw.display_name = last + ", " + first;
  } else {
    raw.display_name = entry.first(a.display_name);
    if (raw.display_name.empty()) raw.display_name = entry.first("cn");
  }
  raw.email = entry.first(a.email);
  raw.department = entry.first(a.department);
  return raw;
}

/// normalized member DN -> role names, from every configured group.
std::optional<std::string> read_roles(
    LdapConnection& connection, const LdapSettings& settings,
    std::unordered_map<std::string, std::vector<std::string>>& roles_by_dn) {
  for (const auto& [role, group_dn] : settings.roles) {
    LdapEntry group;
    if (auto error = connection.read(group_dn, {"member", "uniqueMember"}, group)) return error;
    for (const char* attribute : {"member", "uniquemember"}) {
      const auto it = group.values.find(attribute);
      if (it == group.values.end()) continue;
      for (const auto& member : it->second) roles_by_dn[normalize_dn(member)].push_back(role);
    }
  }
  return std::nullopt;
}

}  // namespace

LdapLoadResult load_ldap_records(const LdapSettings& settings) {
  LdapLoadResult result;
  auto connection = LdapConnection::open(settings, result.error);
  if (!connection) return result;
  if (auto error = connection->bind(settings.bind_dn, settings.bind_password)) {
    result.error = "bind as " + settings.bind_dn + ": " + *error;
    return result;
  }
  std::unordered_map<std::string, std::vector<std::string>> roles_by_dn;
  if (auto error = read_roles(*connection, settings, roles_by_dn)) {
    result.error = *error;
    return result;
  }
  const std::string domain = domain_of(settings.base_dn);
  const auto attributes = entry_attributes(settings.attributes);
  std::unordered_set<std::string> seen;
  for (const auto& pass : {std::pair{settings.person_filter, "person"},
                           std::pair{settings.administrative_filter, "administrative"}}) {
    // Named copies, not structured bindings: clang 15 (the fuzz preset) cannot capture those.
    const std::string& filter = pass.first;
    const char* kind = pass.second;
    auto error = connection->search_paged(settings.base_dn, filter, attributes, [&](LdapEntry&& e) {
      DirectoryRecord record;
      if (check_entry(raw_entry(e, settings.attributes, kind), domain, record) ||
          !seen.insert(record.entry.username).second) {
        ++result.skipped;
        return;
      }
      if (const auto it = roles_by_dn.find(normalize_dn(e.dn)); it != roles_by_dn.end())
        record.roles = it->second;
      result.records.push_back(std::move(record));
    });
    if (error) {
      result.records.clear();
      result.error = *error;
      return result;
    }
  }
  return result;
}

bool ldap_password_matches(const LdapSettings& settings, std::string_view username,
                           std::string_view password, std::string& error) {
  if (password.empty() || username.empty()) return false;
  auto connection = LdapConnection::open(settings, error);
  if (!connection) return false;
  if (auto problem = connection->bind(settings.bind_dn, settings.bind_password)) {
    error = "bind as " + settings.bind_dn + ": " + *problem;
    return false;
  }
  const std::string filter = "(&" + settings.person_filter + "(" + settings.attributes.username +
                             "=" + escape_filter_value(username) + "))";
  std::vector<std::string> dns;
  if (auto problem = connection->search_paged(settings.base_dn, filter, {"1.1"},
                                              [&](LdapEntry&& e) { dns.push_back(e.dn); })) {
    error = *problem;
    return false;
  }
  if (dns.size() != 1) return false;  // unknown, or ambiguous: never guess whose password it is
  return !connection->bind(dns.front(), password).has_value();
}

std::uint64_t fingerprint(const std::vector<DirectoryRecord>& records) {
  std::uint64_t hash = 1469598103934665603ull;
  auto mix = [&](std::string_view text) {
    for (const char c : text) hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    hash = (hash ^ 0xFFu) * 1099511628211ull;  // field separator
  };
  for (const auto& record : records) {
    const auto& e = record.entry;
    mix(e.username);
    mix(e.display_name);
    mix(to_string(e.kind));
    mix(e.department);
    mix(e.email);
    for (const auto& role : record.roles) mix(role);
    mix(record.password_hash);
  }
  return hash;
}

}  // namespace servicedesk::host
