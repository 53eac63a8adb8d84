// Helpers for reading YAML nodes with `file:line:col` diagnostics that name what was expected.
#include "yaml_reader.hpp"

#include <charconv>

#include "servicedesk/forms/closest_name.hpp"

namespace servicedesk::forms {

void Reporter::at(const YAML::Mark& mark, std::string message) {
  const int line = mark.line >= 0 ? mark.line + 1 : 1;
  const int column = mark.column >= 0 ? mark.column + 1 : 1;
  diagnostics_.push_back({file_, line, column, std::move(message)});
}

void Reporter::at_file(std::string file, int line, int column, std::string message) {
  diagnostics_.push_back({std::move(file), line, column, std::move(message)});
}

std::string describe(const YAML::Node& node) {
  if (!node.IsDefined() || node.IsNull()) return "nothing";
  if (node.IsSequence()) return "a list";
  if (node.IsMap()) return "a mapping";
  std::string text = node.Scalar();
  if (text.size() > 40) text = text.substr(0, 37) + "...";
  return "'" + text + "'";
}

std::optional<Entry> find(const YAML::Node& map, std::string_view name) {
  if (!map.IsMap()) return std::nullopt;
  for (auto it = map.begin(); it != map.end(); ++it) {
    if (it->first.IsScalar() && it->first.Scalar() == name) return Entry{it->first, it->second};
  }
  return std::nullopt;
}

std::string join_choices(const std::vector<std::string_view>& names, std::string_view last_word) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " " + std::string(last_word) + " " : ", ";
    out += names[i];
  }
  return out;
}

void check_keys(const YAML::Node& map, const std::vector<std::string_view>& allowed,
                std::string_view where, Reporter& reporter) {
  if (!map.IsMap()) return;
  std::vector<std::string> seen;
  for (auto it = map.begin(); it != map.end(); ++it) {
    if (!it->first.IsScalar()) {
      reporter.at(it->first, "expected a plain key in " + std::string(where));
      continue;
    }
    const std::string& key = it->first.Scalar();
    bool known = false;
    for (std::string_view name : allowed) known = known || name == key;
    if (!known) {
      reporter.at(it->first, "unknown key '" + key + "' in " + std::string(where) +
                                 did_you_mean(key, allowed) + "; expected " +
                                 join_choices(allowed));
    }
    for (const std::string& earlier : seen) {
      if (earlier == key)
        reporter.at(it->first, "duplicate key '" + key + "' in " + std::string(where));
    }
    seen.push_back(key);
  }
}

void check_keys(const YAML::Node& map, std::initializer_list<std::string_view> allowed,
                std::string_view where, Reporter& reporter) {
  check_keys(map, std::vector<std::string_view>(allowed), where, reporter);
}

bool expect_map(const YAML::Node& node, std::string_view what, Reporter& reporter) {
  if (node.IsMap()) return true;
  reporter.at(node,
              "expected " + std::string(what) + " (a mapping of keys), found " + describe(node));
  return false;
}

bool expect_list(const YAML::Node& node, std::string_view what, Reporter& reporter) {
  if (node.IsSequence()) return true;
  reporter.at(node, "expected " + std::string(what) + " (a list), found " + describe(node));
  return false;
}

namespace {
std::string key_of(const Entry& entry) {
  return "'" + entry.key.Scalar() + "'";
}
YAML::Mark value_mark(const Entry& entry) {
  // An empty value (`key:`) has no useful mark of its own.
  return entry.value.Mark().line >= 0 && !entry.value.IsNull() ? entry.value.Mark()
                                                               : entry.key.Mark();
}
}  // namespace

std::optional<std::string> read_text(const Entry& entry, Reporter& reporter, bool allow_empty) {
  if (!entry.value.IsScalar() || (!allow_empty && entry.value.Scalar().empty())) {
    reporter.at(value_mark(entry),
                "expected text for " + key_of(entry) + ", found " + describe(entry.value));
    return std::nullopt;
  }
  return entry.value.Scalar();
}

std::optional<bool> read_bool(const Entry& entry, Reporter& reporter) {
  if (entry.value.IsScalar()) {
    const std::string& s = entry.value.Scalar();
    if (s == "true") return true;
    if (s == "false") return false;
  }
  reporter.at(value_mark(entry),
              "expected true or false for " + key_of(entry) + ", found " + describe(entry.value));
  return std::nullopt;
}

std::optional<std::int64_t> read_integer(const Entry& entry, Reporter& reporter) {
  if (entry.value.IsScalar()) {
    const std::string& s = entry.value.Scalar();
    std::int64_t value = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (ec == std::errc() && end == s.data() + s.size() && !s.empty()) return value;
  }
  reporter.at(value_mark(entry),
              "expected a whole number for " + key_of(entry) + ", found " + describe(entry.value));
  return std::nullopt;
}

std::optional<std::vector<std::string>> read_text_list(const Entry& entry, Reporter& reporter) {
  if (!entry.value.IsSequence()) {
    reporter.at(value_mark(entry), "expected a list of texts for " + key_of(entry) + ", found " +
                                       describe(entry.value));
    return std::nullopt;
  }
  std::vector<std::string> out;
  bool ok = true;
  for (const YAML::Node& item : entry.value) {
    if (!item.IsScalar()) {
      reporter.at(item, "expected text in the list " + key_of(entry) + ", found " + describe(item));
      ok = false;
      continue;
    }
    out.push_back(item.Scalar());
  }
  if (!ok) return std::nullopt;
  return out;
}

std::optional<std::string> required_text(const YAML::Node& map, std::string_view key,
                                         std::string_view what, Reporter& reporter) {
  auto entry = find(map, key);
  if (!entry) {
    reporter.at(map,
                "missing '" + std::string(key) + "' in " + std::string(what) + "; expected text");
    return std::nullopt;
  }
  return read_text(*entry, reporter);
}

int content_column(const YAML::Node& scalar) {
  // yaml-cpp tags quoted scalars "!" and plain ones "?".
  const int column = scalar.Mark().column;
  return scalar.Tag() == "!" ? column + 1 : column;
}

}  // namespace servicedesk::forms
