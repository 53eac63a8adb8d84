// Warns about keys swallowed by a text block (`help: >-` followed by an over-indented key).
#include "text_block_check.hpp"

#include <algorithm>
#include <array>
#include <vector>

namespace servicedesk::forms {
namespace {

/// The keys of a field a catalog administrator may mean to write below a text block.
constexpr std::array<std::string_view, 16> kFieldKeys = {
    "mandatory",       "read_only", "visible_when", "mandatory_when", "read_only_when", "pattern",
    "pattern_message", "choices",   "rules",        "label",          "type",           "columns",
    "min_rows",        "max_rows",  "unique",       "add_label"};

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = text.find('\n', start);
    std::string_view line =
        text.substr(start, end == std::string_view::npos ? text.npos : end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return lines;
}

std::size_t indent_of(std::string_view line) {
  const std::size_t first = line.find_first_not_of(' ');
  return first == std::string_view::npos ? line.size() : first;
}

class BlockChecker {
 public:
  BlockChecker(std::string_view text, Reporter& warnings)
      : lines_(split_lines(text)), warnings_(warnings) {}

  void walk(const YAML::Node& node) {
    if (node.IsSequence()) {
      for (const YAML::Node& item : node) walk(item);
    } else if (node.IsMap()) {
      for (auto it = node.begin(); it != node.end(); ++it) {
        if (it->second.IsScalar() && it->first.IsScalar()) {
          check_entry(it->first);
        } else {
          walk(it->second);
        }
      }
    }
  }

 private:
  /// `key: >-` (or `|`): every following line indented deeper than the key is the text.
  void check_entry(const YAML::Node& key) {
    const YAML::Mark mark = key.Mark();
    if (mark.line < 0 || static_cast<std::size_t>(mark.line) >= lines_.size()) return;
    const std::string_view line = lines_[static_cast<std::size_t>(mark.line)];
    const auto key_column = static_cast<std::size_t>(std::max(mark.column, 0));
    const std::size_t colon = line.find(':', key_column);
    if (colon == std::string_view::npos) return;
    const std::size_t value = line.find_first_not_of(' ', colon + 1);
    if (value == std::string_view::npos || (line[value] != '>' && line[value] != '|')) return;
    const std::string name = key.Scalar();
    for (std::size_t i = static_cast<std::size_t>(mark.line) + 1; i < lines_.size(); ++i) {
      const std::string_view text = lines_[i];
      const std::size_t indent = indent_of(text);
      if (indent == text.size()) continue;  // blank lines belong to the block
      if (indent <= key_column) break;
      const std::string_view rest = text.substr(indent);
      const std::size_t end = rest.find(':');
      if (end == std::string_view::npos || (end + 1 < rest.size() && rest[end + 1] != ' '))
        continue;
      const std::string_view word = rest.substr(0, end);
      if (std::find(kFieldKeys.begin(), kFieldKeys.end(), word) == kFieldKeys.end()) continue;
      YAML::Mark at;
      at.line = static_cast<int>(i);
      at.column = static_cast<int>(indent);
      warnings_.at(at, "'" + std::string(rest) + "' is part of the text of '" + name +
                           "', not a key of the field: a text block goes on while lines are "
                           "indented deeper than '" +
                           name + "'; indent it like `" + name + "` (column " +
                           std::to_string(key_column + 1) + ")");
    }
  }

  std::vector<std::string_view> lines_;
  Reporter& warnings_;
};

}  // namespace

void check_text_blocks(std::string_view text, const YAML::Node& root, Reporter& warnings) {
  BlockChecker(text, warnings).walk(root);
}

}  // namespace servicedesk::forms
