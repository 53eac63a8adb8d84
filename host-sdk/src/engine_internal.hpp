// What the form engine's passes share: per-field slots, the condition scope, one walk's state.
#pragma once

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
  const nlohmann::json& answers;  ///< the whole answers object (an object, maybe empty)
  Evaluation& evaluation;
  nlohmann::json* cleaned = nullptr;  ///< visible answers, normalized; null when not wanted
};

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
