// Evaluating answers as they are typed.
#include "usecases/evaluate.hpp"

#include <algorithm>

#include "usecases/answer_probes.hpp"
#include "usecases/drafts.hpp"

namespace servicedesk::host {
namespace {

// The form engine's message for an empty mandatory field.
constexpr std::string_view kRequiredMessage = "This field is required.";

/// The draft of `item_id` for a catalog administrator, or the refusal (403, 404).
OrderableForm find_draft(const Desk& desk, std::string_view item_id, const Requester& requester) {
  if (Outcome refusal = may_preview_drafts(requester); !refusal.ok())
    return {nullptr, std::move(refusal)};
  auto form = desk.catalog.find_draft(item_id);
  if (!form) return {nullptr, Outcome::refuse(Refusal::not_found, "No such draft.")};
  return {std::move(form), {}};
}

}  // namespace

EvaluateOutcome evaluate_answers(const Desk& desk, const Requester& requester,
                                 std::string_view item_id, const nlohmann::json& answers,
                                 bool draft) {
  auto [form, refusal] =
      draft ? find_draft(desk, item_id, requester) : find_orderable(desk, item_id, requester);
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
