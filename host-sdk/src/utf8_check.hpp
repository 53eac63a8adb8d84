// Whether text is well-formed UTF-8 (RFC 3629), and where it stops being so.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace servicedesk::forms {

/// The offset of the first byte that does not start or continue a well-formed UTF-8
/// sequence (overlong forms, surrogates and code points beyond U+10FFFF included), or
/// nullopt when all of `text` is UTF-8.
std::optional<std::size_t> first_invalid_utf8(std::string_view text);

}  // namespace servicedesk::forms
