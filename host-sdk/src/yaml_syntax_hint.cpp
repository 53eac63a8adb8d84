// Plain-language hints for the YAML parser's terse messages ("illegal map value").
#include "yaml_syntax_hint.hpp"

#include <vector>

namespace servicedesk::forms {
namespace {

std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = text.find('\n', start);
    lines.push_back(text.substr(start, end == std::string_view::npos ? text.npos : end - start));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return lines;
}

/// Whether a line holds nothing but blanks or a comment.
bool is_blank(std::string_view line) {
  const std::size_t first = line.find_first_not_of(" \t\r");
  return first == std::string_view::npos || line[first] == '#';
}

std::size_t indent_of(std::string_view line) {
  const std::size_t first = line.find_first_not_of(' ');
  return first == std::string_view::npos ? 0 : first;
}

/// Which indentation the parser expected where a block did not end as it thought.
std::string indentation_hint(std::string_view text, int line) {
  const auto lines = lines_of(text);
  if (line < 0 || static_cast<std::size_t>(line) >= lines.size()) return {};
  auto at = static_cast<std::size_t>(line);
  // The parser points at the first line that does not fit; a blank one says nothing.
  while (at < lines.size() && is_blank(lines[at])) ++at;
  if (at >= lines.size()) return {};
  const std::size_t found = indent_of(lines[at]);
  const bool item = lines[at].substr(found, 2) == "- ";
  // A list item lines up with the item above it; anything else with the line above.
  auto skip = [&](std::string_view candidate) {
    return is_blank(candidate) || (item && candidate.substr(indent_of(candidate), 2) != "- ");
  };
  std::size_t above = at;
  while (above > 0 && skip(lines[above - 1])) --above;
  if (above == 0) return {};
  const std::size_t expected = indent_of(lines[above - 1]);
  return "; line " + std::to_string(at + 1) +
         (item ? " is a list item at column " : " starts at column ") + std::to_string(found + 1) +
         ", but " + (item ? "the item above it" : "the line above it") + " (line " +
         std::to_string(above) + ") is at column " + std::to_string(expected + 1) +
         ": indent it like its siblings, or further left to close the block";
}

}  // namespace

std::string yaml_syntax_hint(std::string_view message, std::string_view text, int line) {
  if (message == "illegal map value")
    return "; a ': ' inside unquoted text; put the text in double quotes";
  if (message == "end of sequence not found" || message == "end of map not found")
    return indentation_hint(text, line);
  if (message == "block sequence entries are not allowed in this context")
    return "; a '- ' list item where a value was expected: start the list on the next line, "
           "indented under its key";
  if (message == "unknown escape character")
    return "; inside double quotes a backslash starts an escape: write a regular expression in "
           "single quotes ('^\\d{4}$')";
  if (message == "end of string not found") return "; a quote was opened and never closed";
  return {};
}

}  // namespace servicedesk::forms
