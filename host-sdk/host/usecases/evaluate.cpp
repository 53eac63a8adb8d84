// Evaluating answers as they are typed.
#include "usecases/evaluate.hpp"

#include <algorithm>

#include "usecases/answer_probes.hpp"

namespace servicedesk::host {
namespace {

// The form engine's message for an empty mandatory field.
constexpr std::string_view kRequiredMessage = "This field is required.";

}  // namespace

EvaluateOutcome evaluate_answers(const Desk& desk, const Requester& requester,
                                 std::string_view item_id, const nlohmann::json& answers) {
  auto [form, refusal] = find_orderable(desk, item_id, requester);
  if (!form) return {std::move(refusal), {}};
  if (Outcome locked = refused_answers_locked(desk, requester); !locked.ok())
    return {std::move(locked), {}};
  const EvalContext eval{&desk.directory, requester.username, desk.handler_failures};
  const Evaluation evaluation = form->evaluate(answers, eval);
  // An empty mandatory field is not a refused answer: only errors about values given count.
  const bool refused =
      std::any_of(evaluation.fields.begin(), evaluation.fields.end(), [](const auto& field) {
        const auto& errors = field.second.errors;
        return std::any_of(errors.begin(), errors.end(),
                           [](const std::string& error) { return error != kRequiredMessage; });
      });
  if (refused) count_refused_answers(desk, requester);
  return {{}, evaluation.to_json()};
}

}  // namespace servicedesk::host
