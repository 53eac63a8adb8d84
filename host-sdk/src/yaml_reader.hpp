// Helpers for reading YAML nodes with `file:line:col` diagnostics that name what was expected.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "servicedesk/forms/form.hpp"

namespace servicedesk::forms {

/// Collects the diagnostics of one file.
class Reporter {
 public:
  explicit Reporter(std::string file) : file_(std::move(file)) {}
  /// Reports at a YAML mark (0-based line and column).
  void at(const YAML::Mark& mark, std::string message);
  void at(const YAML::Node& node, std::string message) { at(node.Mark(), std::move(message)); }
  /// Reports at 1-based line:col of another file (a body_file).
  void at_file(std::string file, int line, int column, std::string message);
  const std::string& file() const { return file_; }
  std::size_t count() const { return diagnostics_.size(); }
  std::vector<Diagnostic>& diagnostics() { return diagnostics_; }

 private:
  std::string file_;
  std::vector<Diagnostic> diagnostics_;
};

/// A key and its value in a mapping; the key's mark is where "missing"/"unknown" point.
struct Entry {
  YAML::Node key;
  YAML::Node value;
};

/// How a node reads in a message: "a list", "a mapping", "nothing", "'abc'".
std::string describe(const YAML::Node& node);

/// Finds `name` in a mapping (nullopt when absent or when `map` is no mapping).
std::optional<Entry> find(const YAML::Node& map, std::string_view name);

/// Reports every key of `map` not in `allowed`, naming the allowed ones.
void check_keys(const YAML::Node& map, std::initializer_list<std::string_view> allowed,
                std::string_view where, Reporter& reporter);
void check_keys(const YAML::Node& map, const std::vector<std::string_view>& allowed,
                std::string_view where, Reporter& reporter);

/// Reports when `node` is not a mapping; returns whether it is.
bool expect_map(const YAML::Node& node, std::string_view what, Reporter& reporter);
/// Reports when `node` is not a list; returns whether it is.
bool expect_list(const YAML::Node& node, std::string_view what, Reporter& reporter);

/// Scalar readers: report and return nullopt on a wrong shape. `key` names the key in
/// messages ("'label'").
std::optional<std::string> read_text(const Entry& entry, Reporter& reporter,
                                     bool allow_empty = false);
std::optional<bool> read_bool(const Entry& entry, Reporter& reporter);
std::optional<std::int64_t> read_integer(const Entry& entry, Reporter& reporter);
std::optional<std::vector<std::string>> read_text_list(const Entry& entry, Reporter& reporter);

/// A required text key of `map`; reports "missing 'key'" at `map`.
std::optional<std::string> required_text(const YAML::Node& map, std::string_view key,
                                         std::string_view what, Reporter& reporter);

/// The 0-based column where a scalar's text starts (after an opening quote).
int content_column(const YAML::Node& scalar);

/// "a, b or c".
std::string join_choices(const std::vector<std::string_view>& names,
                         std::string_view last_word = "or");

}  // namespace servicedesk::forms
