// The form engine: field states for /evaluate and the server's submit check.
#include <algorithm>

#include "engine_internal.hpp"

namespace servicedesk::forms {
namespace {

const nlohmann::json& empty_object() {
  static const nlohmann::json object = nlohmann::json::object();
  return object;
}

const nlohmann::json* member(const nlohmann::json& object, const std::string& key) {
  if (!object.is_object()) return nullptr;
  auto it = object.find(key);
  return it == object.end() ? nullptr : &*it;
}

std::string rows_word(std::int64_t n) {
  return std::to_string(n) + (n == 1 ? " row" : " rows");
}

/// Row i repeats row j when every `unique` column holds the same cleaned value.
void check_unique(const FieldDef& field, const nlohmann::json& rows,
                  std::vector<std::string>& errors) {
  if (field.unique_columns.empty()) return;
  static const nlohmann::json kNoAnswer;
  auto value_of = [&](const nlohmann::json& row, std::uint16_t column) -> const nlohmann::json& {
    const nlohmann::json* value = member(row, field.columns[column].id);
    return value != nullptr ? *value : kNoAnswer;
  };
  for (std::size_t i = 1; i < rows.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      bool same = true;
      for (std::uint16_t column : field.unique_columns) {
        same = same && value_of(rows[i], column) == value_of(rows[j], column);
      }
      if (!same) continue;
      std::string columns;
      for (std::uint16_t column : field.unique_columns) {
        columns += (columns.empty() ? "" : ", ") + field.columns[column].label;
      }
      errors.push_back("Row " + std::to_string(i + 1) + " repeats row " + std::to_string(j + 1) +
                       " (same " + columns + ").");
      break;
    }
  }
}

// Over 60 lines on purpose: one walk over the rows (count, each row's columns, uniqueness)
// that shares the row scope; the column checks themselves are check_value_field.
void check_rows_field(const FieldDef& field, const nlohmann::json* raw, const Scope& scope,
                      Slot& slot, nlohmann::json* out, Walk& walk) {
  slot = {};
  FieldState state;
  state.visible = field.visible_when.eval(scope, true);
  Scope self = scope;
  self.self_visible = state.visible;
  state.read_only = field.read_only || field.read_only_when.eval(self, false);
  const std::size_t state_index = walk.evaluation.fields.size();
  walk.evaluation.fields.emplace_back(field.id, FieldState{});
  if (!state.visible) {
    walk.evaluation.fields[state_index].second = std::move(state);
    return;
  }
  state.mandatory = field.mandatory || field.mandatory_when.eval(self, false);
  std::size_t count = 0;
  nlohmann::json cleaned_rows = nlohmann::json::array();
  if (raw != nullptr && !raw->is_null() && !raw->is_array()) {
    state.errors.emplace_back("Expected a list of rows.");
  } else if (raw != nullptr && raw->is_array()) {
    count = raw->size();
    std::vector<Slot> row_slots(field.columns.size());
    const std::string prefix = field.id + "[";
    for (std::size_t i = 0; i < count; ++i) {
      const nlohmann::json& row = (*raw)[i];
      if (!row.is_object()) {
        state.errors.push_back("Row " + std::to_string(i + 1) +
                               " is not an object of column answers.");
        continue;
      }
      for (auto it = row.begin(); it != row.end(); ++it) {
        const bool known =
            std::any_of(field.columns.begin(), field.columns.end(),
                        [&](const FieldDef& column) { return column.id == it.key(); });
        if (!known)
          state.errors.push_back("Row " + std::to_string(i + 1) + " has an unknown column '" +
                                 it.key() + "'.");
      }
      Scope row_scope = scope;
      row_scope.row = row_slots.data();
      nlohmann::json cleaned_row = nlohmann::json::object();
      const std::string row_prefix = prefix + std::to_string(i) + "].";
      for (std::size_t c = 0; c < field.columns.size(); ++c) {
        const FieldDef& column = field.columns[c];
        check_value_field(column, member(row, column.id), row_prefix + column.id, row_scope,
                          row_slots[c], &row, &cleaned_row, walk);
      }
      cleaned_rows.push_back(std::move(cleaned_row));
    }
  }
  const auto rows = static_cast<std::int64_t>(count);
  const bool shape_error = raw != nullptr && !raw->is_null() && !raw->is_array();
  if (shape_error) {
    // The rows could not be read: counting them would only repeat the problem.
  } else if (count == 0 && state.mandatory) {
    state.errors.emplace_back(kRequired);
  } else if (field.min_rows && rows < *field.min_rows) {
    state.errors.push_back("Add at least " + rows_word(*field.min_rows) + ".");
  }
  if (field.max_rows && rows > *field.max_rows)
    state.errors.push_back("Add at most " + rows_word(*field.max_rows) + ".");
  check_unique(field, cleaned_rows, state.errors);
  if (count > 0) slot.value = Value::of_text(field.id);  // non-empty for empty(...) and truthiness
  if (!state.errors.empty()) walk.evaluation.valid = false;
  if (out != nullptr && count > 0) (*out)[field.id] = std::move(cleaned_rows);
  walk.evaluation.fields[state_index].second = std::move(state);
}

void add_form_error(Evaluation& evaluation, std::string message) {
  if (evaluation.fields.empty() || !evaluation.fields.back().first.empty()) {
    evaluation.fields.emplace_back(std::string(), FieldState{});
    evaluation.fields.back().second.visible = false;
  }
  evaluation.fields.back().second.errors.push_back(std::move(message));
  evaluation.valid = false;
}

Submission to_submission(Evaluation& evaluation, nlohmann::json& cleaned) {
  Submission submission;
  for (auto& [path, state] : evaluation.fields) {
    if (!state.errors.empty()) {
      auto& list = submission.errors[path];
      list.insert(list.end(), state.errors.begin(), state.errors.end());
    }
  }
  submission.ok = submission.errors.empty();
  if (submission.ok) submission.answers = std::make_unique<nlohmann::json>(std::move(cleaned));
  return submission;
}

/// One walk over `fields`; `cleaned` receives the visible valid answers, normalized.
Evaluation run(const std::vector<FieldDef>& fields, const nlohmann::json& answers,
               const EvalContext& context, nlohmann::json& cleaned, std::string_view item,
               const std::vector<FormRuleBinding>* form_rules, bool live) {
  Evaluation evaluation;
  evaluation.fields.reserve(fields.size() + 4);
  const bool is_object = answers.is_object();
  const Calendar& calendar = context.calendar ? *context.calendar : system_calendar();
  Walk walk{context,         is_object ? answers : empty_object(), evaluation, cleaned, item,
            calendar.today()};
  walk_fields(fields, walk);
  if (!is_object && !answers.is_null()) {
    add_form_error(evaluation, "Answers must be a JSON object keyed by field id.");
  } else if (is_object) {
    for (auto it = answers.begin(); it != answers.end(); ++it) {
      const bool known = std::any_of(fields.begin(), fields.end(),
                                     [&](const FieldDef& f) { return f.id == it.key(); });
      if (!known) add_form_error(evaluation, "Unknown field '" + it.key() + "'.");
    }
  }
  // Form rules see only what would be stored: visible answers, trimmed and normalized.
  if (form_rules != nullptr && (live || evaluation.valid))
    run_form_rules(*form_rules, cleaned, walk, live);
  return evaluation;
}

}  // namespace

void walk_fields(const std::vector<FieldDef>& fields, Walk& walk) {
  // Small forms keep their slots on the stack; conditions read fields above them.
  constexpr std::size_t kInline = 32;
  Slot inline_slots[kInline];
  std::vector<Slot> heap_slots;
  Slot* slots = inline_slots;
  if (fields.size() > kInline) {
    heap_slots.resize(fields.size());
    slots = heap_slots.data();
  }
  Scope scope;
  scope.form = slots;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    const FieldDef& field = fields[i];
    const nlohmann::json* raw = member(walk.answers, field.id);
    if (field.type == FieldType::rows) {
      check_rows_field(field, raw, scope, slots[i], &walk.cleaned, walk);
    } else {
      check_value_field(field, raw, field.id, scope, slots[i], nullptr, &walk.cleaned, walk);
    }
  }
}

Evaluation CompiledForm::evaluate(const nlohmann::json& answers, const EvalContext& context) const {
  nlohmann::json cleaned = nlohmann::json::object();
  return run(fields_, answers, context, cleaned, header_.id, &validators_, true);
}

Submission CompiledForm::validate(const nlohmann::json& answers, const EvalContext& context) const {
  nlohmann::json cleaned = nlohmann::json::object();
  Evaluation evaluation = run(fields_, answers, context, cleaned, header_.id, &validators_, false);
  return to_submission(evaluation, cleaned);
}

Submission CompiledForm::validate_checkout(const nlohmann::json& answers,
                                           const EvalContext& context) const {
  nlohmann::json cleaned = nlohmann::json::object();
  Evaluation evaluation =
      run(checkout_fields_, answers, context, cleaned, header_.id, nullptr, false);
  return to_submission(evaluation, cleaned);
}

}  // namespace servicedesk::forms
