// Host side: the rules shipped with the host, so catalog administrators need no C++ for them.
#pragma once

#include <string_view>

#include "servicedesk/forms/handler_catalog.hpp"

namespace servicedesk {

/// The name standard rules are registered under where a plugin's name would be (in `plugins`,
/// failure logs and /metrics).
inline constexpr std::string_view kStandardRulesOrigin = "servicedesk-host";

/// Registers the standard rules in `catalog` exactly as a plugin's handlers are registered
/// (same contract checks, same exception containment):
///  - form rule `date_range`: `start` and `end` (date fields, required), `max_days`
///    (optional whole number >= 0), `message` (optional: the sentence when the range is too
///    long). The end may not be before the start, nor more than `max_days` days after it.
void add_standard_rules(HandlerCatalog& catalog);

}  // namespace servicedesk
