// "did you mean 'mandatory'?": the known name closest to a misspelt one.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace servicedesk {

/// The name of `known` closest to `typed` (edit distance, case ignored) when it is close
/// enough to be a slip (at most a third of the letters differ), else "".
std::string closest_name(std::string_view typed, const std::vector<std::string_view>& known);

/// " (did you mean 'x'?)" when closest_name finds one, else "".
std::string did_you_mean(std::string_view typed, const std::vector<std::string_view>& known);

}  // namespace servicedesk
