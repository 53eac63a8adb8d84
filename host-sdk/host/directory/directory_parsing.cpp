// Checks shared by the YAML and CSV directory parsers.
#include "directory/directory_parsing.hpp"

#include <algorithm>

namespace servicedesk::host {

namespace {

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
}

bool is_identifier(std::string_view text) {
  return !text.empty() && text.size() <= 64 && std::all_of(text.begin(), text.end(), is_name_char);
}

}  // namespace

std::optional<std::string> check_entry(const RawEntry& raw, const std::string& email_domain,
                                       DirectoryRecord& out) {
  if (!is_identifier(raw.username)) {
    return "username '" + raw.username +
           "' must be 1-64 lower-case letters, digits, '.', '_' or '-'";
  }
  if (raw.display_name.empty()) return "entry '" + raw.username + "' needs a display_name";
  if (raw.kind == "person") {
    out.entry.kind = AccountKind::person;
  } else if (raw.kind == "administrative") {
    out.entry.kind = AccountKind::administrative;
  } else {
    return "kind must be 'person' or 'administrative', not '" + raw.kind + "'";
  }
  for (const auto& role : raw.roles) {
    if (!is_identifier(role)) {
      return "role '" + role + "' must be lower-case letters, digits, '.', '_' or '-'";
    }
  }
  std::string email = raw.email.empty() ? raw.username + "@" + email_domain : raw.email;
  const auto at = email.find('@');
  if (at == std::string::npos || at == 0 || at + 1 == email.size() ||
      email.find_first_of(" \t\r\n<>\"") != std::string::npos) {
    return "e-mail address '" + email + "' is not a plain local@domain address";
  }
  // Only a hash belongs here: a plain password would be a secret sitting in a file.
  if (!raw.password_hash.empty() && raw.password_hash.rfind("$argon2", 0) != 0) {
    return "password_hash of '" + raw.username +
           "' is not a libsodium hash (make one with `servicedesk-host hash-password`)";
  }
  if (!raw.password_hash.empty() && raw.kind == "administrative") {
    return "administrative account '" + raw.username +
           "' cannot have a password_hash: it never logs in";
  }
  out.password_hash = raw.password_hash;
  out.entry.username = raw.username;
  out.entry.display_name = raw.display_name;
  out.entry.department = raw.department;
  out.entry.email = std::move(email);
  out.roles = raw.roles;
  return std::nullopt;
}

}  // namespace servicedesk::host
