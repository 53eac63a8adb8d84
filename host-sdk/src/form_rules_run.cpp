// Runs a form's form rules over the validated answers (live in /evaluate, or on submit).
#include <algorithm>

#include "engine_internal.hpp"

namespace servicedesk::forms {
namespace {

/// Whether `path` is the field `id` or one of its rows' columns ("members[0].user").
bool path_of(std::string_view path, std::string_view id) {
  if (path.substr(0, id.size()) != id) return false;
  return path.size() == id.size() || path[id.size()] == '[';
}

/// Live runs wait until every field the rule reads holds a valid answer (or none); a rule
/// that declared no reads waits for the whole form.
bool reads_valid(const FormRuleBinding& rule, const Evaluation& evaluation) {
  if (rule.reads.empty()) return evaluation.valid;
  for (const FieldRead& read : rule.reads) {
    for (const auto& [path, state] : evaluation.fields) {
      if (!state.errors.empty() && path_of(path, read.field)) return false;
    }
  }
  return true;
}

/// Adds `message` to the state of `path`; "" (or, live, a path not shown) is the form's.
void add_error(Evaluation& evaluation, std::string path, std::string message, bool live) {
  evaluation.valid = false;
  auto at = std::find_if(evaluation.fields.begin(), evaluation.fields.end(),
                         [&](const auto& entry) { return entry.first == path; });
  if (at == evaluation.fields.end() && live) {
    path.clear();
    at = std::find_if(evaluation.fields.begin(), evaluation.fields.end(),
                      [](const auto& entry) { return entry.first.empty(); });
  }
  if (at == evaluation.fields.end()) {
    FieldState state;
    state.visible = !path.empty();
    evaluation.fields.emplace_back(std::move(path), std::move(state));
    at = std::prev(evaluation.fields.end());
  }
  at->second.errors.push_back(std::move(message));
}

}  // namespace

void report_failure(const EvalContext& context, std::string_view kind, std::string_view handler,
                    std::string_view plugin, std::string_view item, std::string_view path,
                    std::string_view what) {
  if (context.failures == nullptr) return;
  context.failures->report({kind, handler, plugin, item, path, what});
}

void run_form_rules(const std::vector<FormRuleBinding>& rules, const nlohmann::json& cleaned,
                    Walk& walk, bool live) {
  const FormInput input{cleaned, walk.context.requester};
  const std::string_view kind = HandlerKind<FormRuleFn>::name;
  for (const FormRuleBinding& rule : rules) {
    if (live && (rule.cost == Cost::costly || !reads_valid(rule, walk.evaluation))) continue;
    HandlerOutcome<std::vector<FieldError>> outcome = rule.rule->call(input);
    if (!outcome.ok()) {
      report_failure(walk.context, kind, rule.name, rule.plugin, walk.item, "", outcome.failure);
      add_error(walk.evaluation, {}, std::string(kAnswerNotChecked), live);
      continue;
    }
    for (FieldError& error : *outcome.result) {
      if (error.message.empty()) {
        report_failure(walk.context, kind, rule.name, rule.plugin, walk.item, error.path,
                       "returned an error without a message");
        error.message = kAnswerNotChecked;
      }
      add_error(walk.evaluation, std::move(error.path), std::move(error.message), live);
    }
  }
}

}  // namespace servicedesk::forms
