// The evaluate use case: a form's field states for answers being typed, refusals counted.
#pragma once

#include <string_view>

#include <nlohmann/json.hpp>

#include "usecases/desk.hpp"

namespace servicedesk::host {

struct EvaluateOutcome {
  Outcome outcome;
  nlohmann::json evaluation;  ///< `{fields:{PATH:{...}}, valid}` when the outcome is ok
};

/// Evaluates `answers` against the orderable form `item_id`, or with `draft` against its
/// draft (catalog administrators only; else forbidden). An answer set with a field error
/// counts as refused for the requester (answer_probes.hpp); while locked, nothing is evaluated.
EvaluateOutcome evaluate_answers(const Desk& desk, const Requester& requester,
                                 std::string_view item_id, const nlohmann::json& answers,
                                 bool draft = false);

}  // namespace servicedesk::host
