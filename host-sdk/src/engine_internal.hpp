// What the form engine's passes share: per-field slots, the condition scope, one walk's state.
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "form_model.hpp"

namespace servicedesk::forms {

/// A field's answer as conditions see it: empty when hidden, unanswered or invalid.
struct Slot {
  Value value;
  const DirectoryEntry* entry = nullptr;
};

/// Resolves condition references against the slots of the form and of the current row.
class Scope final : public ValueSource {
 public:
  const Slot* form = nullptr;
  const Slot* row = nullptr;
  bool self_visible = false;
  Value lookup(const Ref& ref) const override;
};

/// One pass over a field list: collects states in form order and the cleaned answers.
struct Walk {
  const EvalContext& context;
  const nlohmann::json& answers;  ///< the whole answers object as sent (never given to plugins)
  Evaluation& evaluation;
  nlohmann::json& cleaned;        ///< visible valid answers so far, normalized: what handlers see
  std::string_view item;          ///< the item id, for failure reports
  std::chrono::sys_days today{};  ///< asked of the context's calendar once per walk
};

/// A checkbox: a JSON boolean, false when unanswered; mandatory means it must be checked.
void check_checkbox(const FieldDef& field, const nlohmann::json* raw, FieldState& state, Slot& slot,
                    nlohmann::json* out);

/// A date field's bounds for today, into `state.min`/`state.max`.
void resolve_date_bounds(const FieldDef& field, std::chrono::sys_days today, FieldState& state);

/// Why `text` is not an acceptable answer to date field `field` (bounds already resolved
/// into `state`), or "".
std::string date_error(std::string_view text, const FieldState& state);

/// Reports a handler failure to the context's sink (when there is one).
void report_failure(const EvalContext& context, std::string_view kind, std::string_view handler,
                    std::string_view plugin, std::string_view item, std::string_view path,
                    std::string_view what);

/// Runs the form rules over the validated answers and adds their errors. `live`: only the
/// cheap ones whose declared fields are all valid (for /evaluate); else all of them.
void run_form_rules(const std::vector<FormRuleBinding>& rules, const nlohmann::json& cleaned,
                    Walk& walk, bool live);

/// Checks one non-rows field at `path`; `raw` is its answer or null. Fills `slot` for
/// later conditions and, when `out` is set, writes the cleaned value under the field id.
void check_value_field(const FieldDef& field, const nlohmann::json* raw, std::string path,
                       const Scope& scope, Slot& slot, const nlohmann::json* row,
                       nlohmann::json* out, Walk& walk);

/// Runs a field list over an answers object.
void walk_fields(const std::vector<FieldDef>& fields, Walk& walk);

/// "This field is required.": shared by the engine and tests.
inline constexpr const char* kRequired = "This field is required.";

}  // namespace servicedesk::forms
