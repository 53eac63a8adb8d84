// Escaping of values that reach the log, so no client can forge or break a log line.
#pragma once

#include <string>
#include <string_view>

namespace servicedesk::host {

/// `value` with control characters (below 0x20, and 0x7f) and backslashes written as
/// `\n`, `\r`, `\t`, `\\` or `\xNN`; everything else as is.
std::string log_safe(std::string_view value);

}  // namespace servicedesk::host
