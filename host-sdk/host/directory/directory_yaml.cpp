// The YAML directory format: `email_domain` and a list of `entries`.
#include <yaml-cpp/yaml.h>

#include <set>

#include "directory/directory_parsing.hpp"

namespace servicedesk::host {

namespace {

const std::set<std::string> kEntryKeys = {"username", "display_name", "kind",         "department",
                                          "roles",    "email",        "password_hash"};

Diagnostic at(const std::string& file, const YAML::Mark& mark, std::string message) {
  return {file, mark.line + 1, mark.column + 1, std::move(message)};
}

std::optional<std::string> scalar(const YAML::Node& node) {
  if (!node.IsScalar()) return std::nullopt;
  return node.Scalar();
}

// Reads one entry map; returns false (with diagnostics) when it is unusable.
bool read_entry(const YAML::Node& node, const std::string& file, RawEntry& raw,
                std::vector<Diagnostic>& diagnostics) {
  if (!node.IsMap()) {
    diagnostics.push_back(at(file, node.Mark(),
                             "expected an entry map with username, display_name, kind, "
                             "department, roles"));
    return false;
  }
  bool ok = true;
  for (const auto& pair : node) {
    const std::string key = pair.first.Scalar();
    if (key == "password") {
      diagnostics.push_back(at(file, pair.first.Mark(),
                               "passwords do not belong in the directory file; give a "
                               "password_hash (servicedesk-host hash-password)"));
      ok = false;
      continue;
    }
    if (!kEntryKeys.count(key)) {
      diagnostics.push_back(at(file, pair.first.Mark(),
                               "unknown key '" + key +
                                   "': expected username, display_name, kind, department, "
                                   "roles, email or password_hash"));
      ok = false;
      continue;
    }
    const YAML::Node& value = pair.second;
    if (key == "roles") {
      if (value.IsNull()) continue;
      if (!value.IsSequence()) {
        diagnostics.push_back(at(file, value.Mark(), "roles must be a list of role names"));
        ok = false;
        continue;
      }
      for (const auto& role : value) {
        if (auto text = scalar(role)) {
          raw.roles.push_back(*text);
        } else {
          diagnostics.push_back(at(file, role.Mark(), "a role must be a plain name"));
          ok = false;
        }
      }
      continue;
    }
    const auto text = value.IsNull() ? std::optional<std::string>("") : scalar(value);
    if (!text) {
      diagnostics.push_back(at(file, value.Mark(), key + " must be a plain text value"));
      ok = false;
      continue;
    }
    if (key == "username") raw.username = *text;
    if (key == "display_name") raw.display_name = *text;
    if (key == "kind") raw.kind = *text;
    if (key == "department") raw.department = *text;
    if (key == "email") raw.email = *text;
    if (key == "password_hash") raw.password_hash = *text;
  }
  return ok;
}

}  // namespace

std::vector<ParsedRecord> parse_directory_yaml(const std::string& text, const std::string& file,
                                               std::vector<Diagnostic>& diagnostics) {
  std::vector<ParsedRecord> parsed;
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::ParserException& e) {
    diagnostics.push_back(at(file, e.mark, e.msg));
    return parsed;
  }
  if (!root.IsMap()) {
    diagnostics.push_back(
        at(file, root.Mark(), "expected a map with 'entries' (and optional 'email_domain')"));
    return parsed;
  }
  std::string email_domain = "example.edu";
  YAML::Node entries;
  for (const auto& pair : root) {
    const std::string key = pair.first.Scalar();
    if (key == "email_domain" && pair.second.IsScalar()) {
      email_domain = pair.second.Scalar();
    } else if (key == "entries") {
      entries = pair.second;
    } else {
      diagnostics.push_back(at(file, pair.first.Mark(),
                               "unknown key '" + key + "': expected entries or email_domain"));
    }
  }
  if (!entries || !entries.IsSequence()) {
    diagnostics.push_back(at(file, entries ? entries.Mark() : root.Mark(),
                             "expected 'entries': a list of people and administrative accounts"));
    return parsed;
  }
  for (const auto& node : entries) {
    RawEntry raw;
    if (!read_entry(node, file, raw, diagnostics)) continue;
    ParsedRecord item;
    item.line = node.Mark().line + 1;
    item.column = node.Mark().column + 1;
    if (auto problem = check_entry(raw, email_domain, item.record)) {
      diagnostics.push_back({file, item.line, item.column, *problem});
      continue;
    }
    parsed.push_back(std::move(item));
  }
  return parsed;
}

}  // namespace servicedesk::host
