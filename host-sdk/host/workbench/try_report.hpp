// What `servicedesk-host try` prints: the portal's view of one answer set.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "workbench/answer_run.hpp"

namespace servicedesk::host {

/// Visible fields with their state and choices, hidden fields, errors by path, the verdict
/// on add to cart and the values that would be stored (normalized), as plain text.
std::string try_report_text(const Form& form, const AnswerRun& run, const std::string& as);

/// The same as JSON: `{item, as, available, fields:{PATH:{visible,mandatory,read_only,
/// options?,errors}}, valid, errors:{PATH:[...]}, refused?, values?}`.
nlohmann::json try_report_json(const Form& form, const AnswerRun& run, const std::string& as);

}  // namespace servicedesk::host
