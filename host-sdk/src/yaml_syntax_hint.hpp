// Plain-language hints for the YAML parser's terse messages ("illegal map value").
#pragma once

#include <string>
#include <string_view>

namespace servicedesk::forms {

/// What to do about the parser's `message` at 0-based `line` of `text`: "" when there is
/// nothing to add, else a sentence starting with "; " to append to the message.
std::string yaml_syntax_hint(std::string_view message, std::string_view text, int line);

}  // namespace servicedesk::forms
