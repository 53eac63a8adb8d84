// Checks one answer: JSON type, choice offered, directory entry, pattern, field rules, required.
#include "engine_internal.hpp"

namespace servicedesk::forms {
namespace {

constexpr std::size_t kMaxAnswerLength = 4000;

std::string offered_list(const std::vector<std::pair<std::string, std::string>>& options) {
  std::string out;
  for (const auto& [value, label] : options) {
    if (!out.empty()) out += ", ";
    out += label;
  }
  return out.empty() ? "none at the moment" : out;
}

/// Looks the username up; returns an error message, or "" when the entry fits the field.
std::string check_directory(const FieldDef& field, std::string_view username,
                            const EvalContext& context, Slot& slot) {
  if (context.directory == nullptr) return {};  // nothing to check against: accept as typed
  const DirectoryEntry* entry = context.directory->find(username);
  if (entry == nullptr) {
    return field.type == FieldType::person
               ? "No person has the username '" + std::string(username) + "'."
               : "No account has the username '" + std::string(username) + "'.";
  }
  if (field.type == FieldType::person && entry->kind != AccountKind::person) {
    return "'" + std::string(username) + "' is an administrative account; choose a person.";
  }
  slot.entry = entry;
  return {};
}

/// What a non-text answer to a text-like field is told.
const char* expected_text(FieldType type) {
  if (type == FieldType::person || type == FieldType::directory_account)
    return "Expected a username as text.";
  if (type == FieldType::date) return "Expected a date as text (YYYY-MM-DD).";
  return "Expected text.";
}

}  // namespace

Value Scope::lookup(const Ref& ref) const {
  if (ref.scope == Ref::Scope::self_visible) return Value::of_bool(self_visible);
  const Slot* slots = ref.scope == Ref::Scope::row ? row : form;
  if (slots == nullptr) return {};
  const Slot& slot = slots[ref.index];
  switch (ref.attr) {
    case Ref::Attr::value:
      return slot.value;
    case Ref::Attr::kind:
      return slot.entry ? Value::of_text(to_string(slot.entry->kind)) : Value{};
    case Ref::Attr::department:
      return slot.entry ? Value::of_text(slot.entry->department) : Value{};
  }
  return {};
}

// Over 60 lines on purpose: one answer's state and checks in the order they depend on each
// other (options and visibility, mandatory, type, offered choice, directory entry, pattern,
// rules), each a few lines that share the slot and the state being built.
void check_value_field(const FieldDef& field, const nlohmann::json* raw, std::string path,
                       const Scope& scope, Slot& slot, const nlohmann::json* row,
                       nlohmann::json* out, Walk& walk) {
  slot = {};
  FieldState state;
  state.visible = field.visible_when.eval(scope, true);
  Scope self = scope;
  self.self_visible = state.visible;
  state.read_only = field.read_only || field.read_only_when.eval(self, false);
  if (field.type == FieldType::choice) {
    state.has_options = true;
    state.options.reserve(field.choices.size());
    for (const ChoiceDef& choice : field.choices) {
      if (choice.visible_when.eval(scope, true))
        state.options.emplace_back(choice.value, choice.label);
    }
  }
  if (field.type == FieldType::date) resolve_date_bounds(field, walk.today, state);
  if (!state.visible) {
    walk.evaluation.fields.emplace_back(std::move(path), std::move(state));
    return;  // a hidden field's answer is dropped, whatever it was
  }
  state.mandatory = field.mandatory || field.mandatory_when.eval(self, false);
  if (field.type == FieldType::checkbox) {
    check_checkbox(field, raw, state, slot, out);
    if (!state.errors.empty()) walk.evaluation.valid = false;
    walk.evaluation.fields.emplace_back(std::move(path), std::move(state));
    return;
  }

  std::string_view text;
  bool type_error = false;
  if (raw != nullptr && !raw->is_null()) {
    if (raw->is_string()) {
      text = trim_blanks(raw->get_ref<const std::string&>());
    } else {
      type_error = true;
      state.errors.emplace_back(expected_text(field.type));
    }
  }
  std::string normalized;
  if (!text.empty()) {
    if (text.size() > kMaxAnswerLength) {
      state.errors.emplace_back("This answer is too long (at most 4000 characters).");
    } else if (field.type == FieldType::choice) {
      bool offered = false;
      for (const auto& option : state.options) offered = offered || option.first == text;
      if (!offered) {
        state.errors.push_back("'" + std::string(text) + "' is not one of the choices offered (" +
                               offered_list(state.options) + ").");
      }
    } else if (field.type == FieldType::person || field.type == FieldType::directory_account) {
      std::string error = check_directory(field, text, walk.context, slot);
      if (!error.empty()) state.errors.push_back(std::move(error));
    } else if (field.type == FieldType::date) {
      std::string error = date_error(text, state);
      if (!error.empty()) state.errors.push_back(std::move(error));
    }
    if (state.errors.empty() && field.pattern &&
        !std::regex_search(text.begin(), text.end(), *field.pattern)) {
      state.errors.push_back(field.pattern_message);
    }
    if (state.errors.empty()) {
      std::string_view current = text;
      // Rules see the validated answers above, never the request body; the row likewise.
      const nlohmann::json* cleaned_row = row != nullptr ? out : nullptr;
      for (const FieldRuleBinding& binding : field.rules) {
        const FieldInput input{path, current, walk.cleaned, cleaned_row};
        HandlerOutcome<RuleVerdict> verdict = binding.rule->call(input);
        if (!verdict.ok()) {
          report_failure(walk.context, HandlerKind<FieldRuleFn>::name, binding.name, binding.plugin,
                         walk.item, path, verdict.failure);
          state.errors.emplace_back(kAnswerNotChecked);
          break;
        }
        if (!verdict.result->ok()) {
          state.errors.push_back(std::move(verdict.result->error));
          break;
        }
        if (!verdict.result->normalized.empty()) {
          normalized = std::move(verdict.result->normalized);
          current = normalized;
        }
      }
    }
    if (state.errors.empty()) {
      slot.value = Value::of_text(text);
      if (out != nullptr) (*out)[field.id] = normalized.empty() ? std::string(text) : normalized;
    } else {
      slot.entry = nullptr;  // an unknown or refused account has no kind for conditions
    }
  } else if (state.mandatory && !type_error) {
    state.errors.emplace_back(kRequired);
  }
  if (!state.errors.empty()) walk.evaluation.valid = false;
  walk.evaluation.fields.emplace_back(std::move(path), std::move(state));
}

}  // namespace servicedesk::forms
