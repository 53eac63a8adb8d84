// The CSV directory format: a header row, then one entry per row (RFC 4180 quoting).
#include <algorithm>
#include <map>

#include "directory/directory_parsing.hpp"

namespace servicedesk::host {

namespace {

struct CsvField {
  std::string text;
  int column = 0;
};

struct CsvRow {
  std::vector<CsvField> fields;
  int line = 0;
};

// Splits the text into rows; quoted fields may hold commas, quotes ("") and line breaks.
std::vector<CsvRow> split_rows(const std::string& text, const std::string& file,
                               std::vector<Diagnostic>& diagnostics) {
  std::vector<CsvRow> rows;
  int line = 1;
  int column = 1;
  std::size_t i = 0;
  while (i < text.size()) {
    CsvRow row;
    row.line = line;
    bool end_of_row = false;
    while (!end_of_row) {
      CsvField field;
      field.column = column;
      if (i < text.size() && text[i] == '"') {
        const int open_line = line;
        const int open_column = column;
        ++i;
        ++column;
        bool closed = false;
        while (i < text.size()) {
          const char c = text[i];
          if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
            field.text.push_back('"');
            i += 2;
            column += 2;
          } else if (c == '"') {
            ++i;
            ++column;
            closed = true;
            break;
          } else {
            field.text.push_back(c);
            ++i;
            if (c == '\n') {
              ++line;
              column = 1;
            } else {
              ++column;
            }
          }
        }
        if (!closed) {
          diagnostics.push_back({file, open_line, open_column, "unterminated quoted field"});
          return rows;
        }
      }
      while (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
        field.text.push_back(text[i]);
        ++i;
        ++column;
      }
      row.fields.push_back(std::move(field));
      if (i < text.size() && text[i] == ',') {
        ++i;
        ++column;
        continue;
      }
      if (i < text.size() && text[i] == '\r') ++i;
      if (i < text.size() && text[i] == '\n') ++i;
      ++line;
      column = 1;
      end_of_row = true;
    }
    const bool blank = row.fields.size() == 1 && row.fields[0].text.empty();
    const bool comment = !row.fields.empty() && row.fields[0].text.starts_with("#");
    if (!blank && !comment) rows.push_back(std::move(row));
  }
  return rows;
}

std::string trim(std::string text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string::npos) return {};
  const auto last = text.find_last_not_of(" \t");
  return text.substr(first, last - first + 1);
}

std::vector<std::string> split_roles(const std::string& text) {
  std::vector<std::string> roles;
  std::size_t start = 0;
  while (start <= text.size()) {
    const auto end = std::min(text.find(';', start), text.size());
    std::string role = trim(text.substr(start, end - start));
    if (!role.empty()) roles.push_back(std::move(role));
    start = end + 1;
  }
  return roles;
}

}  // namespace

std::vector<ParsedRecord> parse_directory_csv(const std::string& text, const std::string& file,
                                              std::vector<Diagnostic>& diagnostics) {
  std::vector<ParsedRecord> parsed;
  const auto rows = split_rows(text, file, diagnostics);
  if (!diagnostics.empty()) return parsed;
  if (rows.empty()) {
    diagnostics.push_back(
        {file, 1, 1, "expected a header row: username,display_name,kind,department,roles"});
    return parsed;
  }
  static const std::vector<std::string> known = {
      "username", "display_name", "kind", "department", "roles", "email", "password_hash"};
  std::map<std::string, std::size_t> columns;
  for (std::size_t c = 0; c < rows[0].fields.size(); ++c) {
    const auto& field = rows[0].fields[c];
    const std::string name = trim(field.text);
    if (name == "password") {
      diagnostics.push_back(
          {file, rows[0].line, field.column,
           "passwords do not belong in the directory file; give a password_hash column "
           "(servicedesk-host hash-password)"});
    } else if (std::find(known.begin(), known.end(), name) == known.end()) {
      diagnostics.push_back({file, rows[0].line, field.column,
                             "unknown column '" + name +
                                 "': expected username, display_name, kind, department, roles, "
                                 "email or password_hash"});
    } else if (!columns.emplace(name, c).second) {
      diagnostics.push_back({file, rows[0].line, field.column, "column '" + name + "' repeated"});
    }
  }
  for (const char* needed : {"username", "display_name", "kind"}) {
    if (!columns.count(needed)) {
      diagnostics.push_back(
          {file, rows[0].line, 1, std::string("the header row lacks the '") + needed + "' column"});
    }
  }
  if (!diagnostics.empty()) return parsed;

  for (std::size_t r = 1; r < rows.size(); ++r) {
    const auto& row = rows[r];
    if (row.fields.size() != rows[0].fields.size()) {
      diagnostics.push_back({file, row.line, 1,
                             "expected " + std::to_string(rows[0].fields.size()) +
                                 " fields as in the header, found " +
                                 std::to_string(row.fields.size())});
      continue;
    }
    auto value = [&](const char* name) {
      const auto it = columns.find(name);
      return it == columns.end() ? std::string() : trim(row.fields[it->second].text);
    };
    RawEntry raw{value("username"),          value("display_name"), value("kind"),
                 value("department"),        value("email"),        value("password_hash"),
                 split_roles(value("roles"))};
    ParsedRecord item;
    item.line = row.line;
    item.column = 1;
    if (auto problem = check_entry(raw, "example.edu", item.record)) {
      diagnostics.push_back({file, item.line, item.column, *problem});
      continue;
    }
    parsed.push_back(std::move(item));
  }
  return parsed;
}

}  // namespace servicedesk::host
