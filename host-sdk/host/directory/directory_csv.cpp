// The CSV directory format: a header row, then one entry per row (RFC 4180 quoting).
#include <algorithm>
#include <map>
#include <optional>

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

/// Where the reader stands in the text: offset, and line and column for diagnostics.
struct CsvCursor {
  const std::string& text;
  std::size_t i = 0;
  int line = 1;
  int column = 1;

  bool at(char c) const { return i < text.size() && text[i] == c; }
};

// Reads a quoted field's text after the opening quote, up to and past its closing quote;
// false when the text ends first.
bool read_quoted(CsvCursor& at, std::string& out) {
  const std::string& text = at.text;
  while (at.i < text.size()) {
    const char c = text[at.i];
    if (c == '"' && at.i + 1 < text.size() && text[at.i + 1] == '"') {
      out.push_back('"');
      at.i += 2;
      at.column += 2;
    } else if (c == '"') {
      ++at.i;
      ++at.column;
      return true;
    } else {
      out.push_back(c);
      ++at.i;
      if (c == '\n') {
        ++at.line;
        at.column = 1;
      } else {
        ++at.column;
      }
    }
  }
  return false;
}

// Reads one row's fields and its line end; false (with a diagnostic) on an unterminated quote.
bool read_row(CsvCursor& at, CsvRow& row, const std::string& file,
              std::vector<Diagnostic>& diagnostics) {
  const std::string& text = at.text;
  row.line = at.line;
  while (true) {
    CsvField field;
    field.column = at.column;
    if (at.at('"')) {
      const int open_line = at.line;
      const int open_column = at.column;
      ++at.i;
      ++at.column;
      if (!read_quoted(at, field.text)) {
        diagnostics.push_back({file, open_line, open_column, "unterminated quoted field"});
        return false;
      }
    }
    while (at.i < text.size() && text[at.i] != ',' && text[at.i] != '\n' && text[at.i] != '\r') {
      field.text.push_back(text[at.i]);
      ++at.i;
      ++at.column;
    }
    row.fields.push_back(std::move(field));
    if (at.at(',')) {
      ++at.i;
      ++at.column;
      continue;
    }
    if (at.at('\r')) ++at.i;
    if (at.at('\n')) ++at.i;
    ++at.line;
    at.column = 1;
    return true;
  }
}

// Splits the text into rows; quoted fields may hold commas, quotes ("") and line breaks.
// Blank rows and rows whose first field starts with '#' are left out.
std::vector<CsvRow> split_rows(const std::string& text, const std::string& file,
                               std::vector<Diagnostic>& diagnostics) {
  std::vector<CsvRow> rows;
  CsvCursor at{text};
  while (at.i < text.size()) {
    CsvRow row;
    if (!read_row(at, row, file, diagnostics)) return rows;
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

// The header row's columns by name; diagnostics for unknown, repeated or missing ones.
std::map<std::string, std::size_t> read_header(const CsvRow& header, const std::string& file,
                                               std::vector<Diagnostic>& diagnostics) {
  static const std::vector<std::string> known = {
      "username", "display_name", "kind", "department", "roles", "email", "password_hash"};
  std::map<std::string, std::size_t> columns;
  for (std::size_t c = 0; c < header.fields.size(); ++c) {
    const auto& field = header.fields[c];
    const std::string name = trim(field.text);
    if (name == "password") {
      diagnostics.push_back(
          {file, header.line, field.column,
           "passwords do not belong in the directory file; give a password_hash column "
           "(servicedesk-host hash-password)"});
    } else if (std::find(known.begin(), known.end(), name) == known.end()) {
      diagnostics.push_back({file, header.line, field.column,
                             "unknown column '" + name +
                                 "': expected username, display_name, kind, department, roles, "
                                 "email or password_hash"});
    } else if (!columns.emplace(name, c).second) {
      diagnostics.push_back({file, header.line, field.column, "column '" + name + "' repeated"});
    }
  }
  for (const char* needed : {"username", "display_name", "kind"}) {
    if (!columns.count(needed)) {
      diagnostics.push_back(
          {file, header.line, 1, std::string("the header row lacks the '") + needed + "' column"});
    }
  }
  return columns;
}

// One entry row as a checked record; nullopt (with a diagnostic) when it is refused.
std::optional<ParsedRecord> parse_row(const CsvRow& row, std::size_t header_fields,
                                      const std::map<std::string, std::size_t>& columns,
                                      const std::string& file,
                                      std::vector<Diagnostic>& diagnostics) {
  if (row.fields.size() != header_fields) {
    diagnostics.push_back({file, row.line, 1,
                           "expected " + std::to_string(header_fields) +
                               " fields as in the header, found " +
                               std::to_string(row.fields.size())});
    return std::nullopt;
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
    return std::nullopt;
  }
  return item;
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
  const auto columns = read_header(rows[0], file, diagnostics);
  if (!diagnostics.empty()) return parsed;
  for (std::size_t r = 1; r < rows.size(); ++r) {
    if (auto item = parse_row(rows[r], rows[0].fields.size(), columns, file, diagnostics))
      parsed.push_back(std::move(*item));
  }
  return parsed;
}

}  // namespace servicedesk::host
