// Builds the item form JSON served to clients (GET /api/catalog/items/{id}, schemas/openapi.yaml).
#include "form_model.hpp"

namespace servicedesk::forms {
namespace {

nlohmann::json field_json(const FieldDef& field) {
  nlohmann::json out = {{"id", field.id},
                        {"type", std::string(to_string(field.type))},
                        {"label", field.label},
                        {"help", field.help},
                        {"mandatory", field.mandatory}};
  if (field.type == FieldType::person) out["search_kind"] = "person";
  if (field.type == FieldType::directory_account) out["search_kind"] = "any";
  if (field.read_only) out["read_only"] = true;
  if (field.visible_when.present()) out["visible_when"] = field.visible_when.text();
  if (field.mandatory_when.present()) out["mandatory_when"] = field.mandatory_when.text();
  if (field.read_only_when.present()) out["read_only_when"] = field.read_only_when.text();
  if (field.pattern) {
    out["pattern"] = field.pattern_text;
    out["pattern_message"] = field.pattern_message;
  }
  if (field.min_date) out["min"] = field.min_date->text;
  if (field.max_date) out["max"] = field.max_date->text;
  if (field.type == FieldType::choice) {
    nlohmann::json choices = nlohmann::json::array();
    for (const ChoiceDef& choice : field.choices) {
      nlohmann::json entry = {{"value", choice.value}, {"label", choice.label}};
      if (choice.visible_when.present()) entry["visible_when"] = choice.visible_when.text();
      choices.push_back(std::move(entry));
    }
    out["choices"] = std::move(choices);
  }
  if (field.type == FieldType::rows) {
    nlohmann::json columns = nlohmann::json::array();
    for (const FieldDef& column : field.columns) columns.push_back(field_json(column));
    out["columns"] = std::move(columns);
    if (field.min_rows) out["min_rows"] = *field.min_rows;
    if (field.max_rows) out["max_rows"] = *field.max_rows;
    nlohmann::json unique = nlohmann::json::array();
    for (std::uint16_t index : field.unique_columns) unique.push_back(field.columns[index].id);
    out["unique"] = std::move(unique);
    out["add_label"] = field.add_label;
  }
  return out;
}

nlohmann::json fields_json(const std::vector<FieldDef>& fields) {
  nlohmann::json out = nlohmann::json::array();
  for (const FieldDef& field : fields) out.push_back(field_json(field));
  return out;
}

}  // namespace

void CompiledForm::build_client_json() {
  nlohmann::json guards = nlohmann::json::array();
  for (const GuardBinding& guard : guards_)
    guards.push_back({{"use", guard.name}, {"message", guard.message}});
  client_json_ = {
      {"id", header_.id},
      {"name", header_.name},
      {"category", header_.category},
      {"description", header_.description},
      {"fields", fields_json(fields_)},
      {"checkout", {{"fields", fields_json(checkout_fields_)}, {"guards", std::move(guards)}}}};
}

}  // namespace servicedesk::forms
