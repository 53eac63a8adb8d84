// Resolves the names used in a field's conditions against the fields declared above it.
#include "field_references.hpp"

#include <algorithm>

namespace servicedesk::forms {
namespace {

ResolveResult resolve_in(const std::vector<FieldDef>& fields, std::size_t count, Ref::Scope scope,
                         std::string_view name, std::string_view attr, bool& found) {
  for (std::size_t i = 0; i < count; ++i) {
    const FieldDef& field = fields[i];
    if (field.id != name) continue;
    found = true;
    Ref ref;
    ref.scope = scope;
    ref.index = static_cast<std::uint16_t>(i);
    if (attr.empty()) {
      ResolveResult result(ref, {});
      result.field = field.id;
      if (field.type == FieldType::choice) {
        for (const ChoiceDef& choice : field.choices) result.choice_values.push_back(choice.value);
      }
      return result;
    }
    const bool directory =
        field.type == FieldType::person || field.type == FieldType::directory_account;
    if (!directory) {
      return {std::nullopt,
              "'" + std::string(name) + "' is a " + std::string(to_string(field.type)) +
                  " field; only person and directory_account fields have attributes ('." +
                  std::string(attr) + "')"};
    }
    if (attr == "kind")
      ref.attr = Ref::Attr::kind;
    else if (attr == "department")
      ref.attr = Ref::Attr::department;
    else
      return {std::nullopt, "unknown attribute '" + std::string(attr) + "' of '" +
                                std::string(name) + "'; expected 'kind' or 'department'"};
    return {ref, {}};
  }
  return {};
}

}  // namespace

Resolver make_resolver(const ListContext& context, std::string self_id, bool allow_visible) {
  return [&context, self_id = std::move(self_id), allow_visible](
             std::string_view name, std::string_view attr) -> ResolveResult {
    if (name == "visible" && attr.empty() && allow_visible) {
      Ref ref;
      ref.scope = Ref::Scope::self_visible;
      return {ref, {}};
    }
    if (name == self_id) {
      return {std::nullopt, "a field's condition cannot refer to the field itself ('" + self_id +
                                "')" +
                                (allow_visible ? "; use 'visible' for its own visibility" : "")};
    }
    bool found = false;
    if (context.row != nullptr) {
      ResolveResult in_row =
          resolve_in(*context.row, context.row_count, Ref::Scope::row, name, attr, found);
      if (found) return in_row;
      if (std::find(context.row_below.begin(), context.row_below.end(), name) !=
          context.row_below.end()) {
        return {std::nullopt,
                "column '" + std::string(name) +
                    "' is declared below; a condition may only refer to fields above it"};
      }
    }
    if (context.form != nullptr) {
      ResolveResult in_form =
          resolve_in(*context.form, context.form_count, Ref::Scope::form, name, attr, found);
      if (found) return in_form;
    }
    if (std::find(context.form_below.begin(), context.form_below.end(), name) !=
        context.form_below.end()) {
      return {std::nullopt,
              "field '" + std::string(name) +
                  "' is declared below; a condition may only refer to fields above it"};
    }
    std::vector<std::string_view> known;
    if (context.row != nullptr) {
      for (std::size_t i = 0; i < context.row_count; ++i) known.push_back((*context.row)[i].id);
    }
    if (context.form != nullptr) {
      for (std::size_t i = 0; i < context.form_count; ++i) known.push_back((*context.form)[i].id);
    }
    if (allow_visible) known.push_back("visible");
    return {std::nullopt, "unknown field '" + std::string(name) + "' in condition; expected " +
                              (known.empty() ? std::string("a field declared above (there is none)")
                                             : "one of " + join_choices(known))};
  };
}

Condition load_condition(const Entry& entry, const Resolver& resolver, Reporter& reporter) {
  auto text = read_text(entry, reporter);
  if (!text) return {};
  std::vector<ConditionError> errors;
  Condition condition = Condition::compile(*text, resolver, errors);
  const YAML::Mark mark = entry.value.Mark();
  for (const ConditionError& error : errors) {
    YAML::Mark at = mark;
    at.column = content_column(entry.value) + static_cast<int>(error.offset);
    reporter.at(at, "in condition '" + entry.key.Scalar() + "': " + error.message);
  }
  return condition;
}

}  // namespace servicedesk::forms
