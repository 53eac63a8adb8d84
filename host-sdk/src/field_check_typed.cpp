// Checks the answers of typed fields: a checkbox's boolean, a date's format and bounds.
#include "engine_internal.hpp"

namespace servicedesk::forms {

void check_checkbox(const FieldDef& field, const nlohmann::json* raw, FieldState& state, Slot& slot,
                    nlohmann::json* out) {
  bool checked = false;
  if (raw != nullptr && !raw->is_null()) {
    if (!raw->is_boolean()) {
      state.errors.emplace_back("Expected true or false.");
      return;
    }
    checked = raw->get<bool>();
  }
  if (state.mandatory && !checked) {
    state.errors.emplace_back(kRequired);
    return;
  }
  slot.value = Value::of_bool(checked);
  if (out != nullptr) (*out)[field.id] = checked;
}

void resolve_date_bounds(const FieldDef& field, std::chrono::sys_days today, FieldState& state) {
  if (field.min_date) state.min = format_iso_date(field.min_date->resolve(today));
  if (field.max_date) state.max = format_iso_date(field.max_date->resolve(today));
}

std::string date_error(std::string_view text, const FieldState& state) {
  const auto day = parse_iso_date(text);
  if (!day) return "Enter a date as YYYY-MM-DD, for example 2026-03-14.";
  // ISO dates compare as text; the bounds were formatted the same way.
  const std::string iso = format_iso_date(*day);
  if (!state.min.empty() && iso < state.min) return "Choose a date on or after " + state.min + ".";
  if (!state.max.empty() && iso > state.max) return "Choose a date on or before " + state.max + ".";
  return {};
}

}  // namespace servicedesk::forms
