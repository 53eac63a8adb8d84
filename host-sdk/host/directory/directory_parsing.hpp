// Internal: YAML and CSV parsers for directory files, and the checks shared by both.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "directory/indexed_directory.hpp"
#include "servicedesk/forms/form.hpp"

namespace servicedesk::host {

/// A record and where it starts in its file (1-based).
struct ParsedRecord {
  DirectoryRecord record;
  int line = 0;
  int column = 0;
};

/// Raw values of one entry as written, before checking.
struct RawEntry {
  std::string username, display_name, kind, department, email, password_hash;
  std::vector<std::string> roles;
};

/// Checks a raw entry (username shape, kind, display name, e-mail, hash) and fills defaults.
/// Returns an error message, or the record.
std::optional<std::string> check_entry(const RawEntry& raw, const std::string& email_domain,
                                       DirectoryRecord& out);

std::vector<ParsedRecord> parse_directory_yaml(const std::string& text, const std::string& file,
                                               std::vector<Diagnostic>& diagnostics);

std::vector<ParsedRecord> parse_directory_csv(const std::string& text, const std::string& file,
                                              std::vector<Diagnostic>& diagnostics);

}  // namespace servicedesk::host
