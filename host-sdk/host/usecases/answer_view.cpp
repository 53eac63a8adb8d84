// Answers in words for pages, the API, mail and summaries; sensitive values masked by rule.
#include "usecases/answer_view.hpp"

#include <cstdint>
#include <cstdio>

namespace servicedesk::host {
namespace {

nlohmann::json version_field(const nlohmann::json& field) {
  nlohmann::json out = {{"id", field.value("id", "")},
                        {"label", field.value("label", "")},
                        {"type", field.value("type", "text")}};
  if (field.value("sensitive", false)) out["sensitive"] = true;
  if (field.contains("choices")) {
    nlohmann::json choices = nlohmann::json::array();
    for (const auto& choice : field["choices"])
      choices.push_back(
          {{"value", choice.value("value", "")}, {"label", choice.value("label", "")}});
    out["choices"] = std::move(choices);
  }
  if (field.contains("columns")) {
    nlohmann::json columns = nlohmann::json::array();
    for (const auto& column : field["columns"]) columns.push_back(version_field(column));
    out["columns"] = std::move(columns);
  }
  return out;
}

/// The answer in words, not yet masked: a choice's label, a person's name with username.
std::string words(const nlohmann::json& field, const nlohmann::json& value,
                  const Directory& directory) {
  if (value.is_null()) return "";
  if (value.is_boolean()) return value.get<bool>() ? "Yes" : "No";  // a checkbox
  if (!value.is_string()) return value.dump();
  const std::string text = value.get<std::string>();
  const std::string type = field.value("type", "text");
  if (type == "choice") {
    for (const auto& choice : field.value("choices", nlohmann::json::array()))
      if (choice.value("value", "") == text) return choice.value("label", text);
    return text;
  }
  if (type == "person" || type == "directory_account") {
    const DirectoryEntry* entry = directory.find(text);
    return entry ? entry->display_name + " (" + text + ")" : text;
  }
  return text;
}

struct Shown {
  std::string value;
  bool masked = false;
};

Shown show(const nlohmann::json& field, const nlohmann::json& value, const Directory& directory,
           bool reveal) {
  std::string text = words(field, value, directory);
  if (!field.value("sensitive", false) || reveal || text.empty()) return {std::move(text), false};
  return {mask_last_four(text, field.value("type", "text")), true};
}

void note_revealed(const nlohmann::json& field, const std::string& prefix,
                   const AnswerReading& reading) {
  if (!reading.reveal || reading.revealed == nullptr || !field.value("sensitive", false)) return;
  const std::string entry = prefix + field.value("id", "") + " (" + field.value("label", "") + ")";
  for (const auto& seen : *reading.revealed)
    if (seen == entry) return;
  reading.revealed->push_back(entry);
}

}  // namespace

nlohmann::json form_version_fields(const Form& form) {
  nlohmann::json fields = nlohmann::json::array();
  for (const auto& field : form.client_json().value("fields", nlohmann::json::array()))
    fields.push_back(version_field(field));
  return fields;
}

nlohmann::json recorded_fields(const RequestItemRecord& item, const Form& live) {
  return item.form_fields.is_array() ? item.form_fields : form_version_fields(live);
}

std::string form_version_hash(const nlohmann::json& fields) {
  std::uint64_t hash = 1469598103934665603ULL;
  for (const char c : fields.dump()) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ULL;
  }
  char text[17];
  std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(hash));
  return text;
}

std::string mask_last_four(std::string_view value, std::string_view type) {
  if (type == "phone") {
    std::string digits;
    for (const char c : value)
      if (c >= '0' && c <= '9') digits += c;
    if (digits.size() <= 4) return "***-***-****";
    return "***-***-" + digits.substr(digits.size() - 4);
  }
  if (value.size() <= 4) return std::string(value.size(), '*');
  return "****" + std::string(value.substr(value.size() - 4));
}

nlohmann::json answers_json(const nlohmann::json& fields, const nlohmann::json& answers,
                            const Directory& directory, const AnswerReading& reading) {
  nlohmann::json out = nlohmann::json::array();
  if (!fields.is_array() || !answers.is_object()) return out;
  for (const auto& field : fields) {
    const std::string id = field.value("id", "");
    if (!answers.contains(id)) continue;  // hidden when submitted
    const nlohmann::json& value = answers[id];
    nlohmann::json entry = {{"id", id},
                            {"label", field.value("label", id)},
                            {"type", field.value("type", "text")},
                            {"sensitive", field.value("sensitive", false)}};
    if (field.contains("columns") && value.is_array()) {
      nlohmann::json columns = nlohmann::json::array();
      for (const auto& column : field["columns"])
        columns.push_back({{"id", column.value("id", "")},
                           {"label", column.value("label", "")},
                           {"sensitive", column.value("sensitive", false)}});
      nlohmann::json rows = nlohmann::json::array();
      for (const auto& row : value) {
        nlohmann::json cells = nlohmann::json::array();
        for (const auto& column : field["columns"]) {
          const std::string column_id = column.value("id", "");
          const nlohmann::json cell =
              row.is_object() && row.contains(column_id) ? row[column_id] : nlohmann::json();
          const Shown shown = show(column, cell, directory, reading.reveal);
          if (!cell.is_null()) note_revealed(column, id + ".", reading);
          cells.push_back({{"value", shown.value}, {"masked", shown.masked}});
        }
        rows.push_back(std::move(cells));
      }
      entry["columns"] = std::move(columns);
      entry["rows"] = std::move(rows);
    } else {
      const Shown shown = show(field, value, directory, reading.reveal);
      note_revealed(field, "", reading);
      entry["value"] = shown.value;
      entry["masked"] = shown.masked;
    }
    out.push_back(std::move(entry));
  }
  return out;
}

std::map<std::string, std::string> answer_placeholders(const nlohmann::json& fields,
                                                       const nlohmann::json& answers,
                                                       const Directory& directory) {
  std::map<std::string, std::string> values;
  if (!fields.is_array()) return values;
  for (const auto& field : fields) {
    const std::string id = field.value("id", "");
    std::string text;
    const nlohmann::json value =
        answers.is_object() && answers.contains(id) ? answers[id] : nlohmann::json();
    if (field.contains("columns") && value.is_array()) {
      for (const auto& row : value) {
        std::string line;
        for (const auto& column : field["columns"]) {
          const std::string column_id = column.value("id", "");
          if (!row.is_object() || !row.contains(column_id)) continue;
          if (!line.empty()) line += ", ";
          line += column.value("label", column_id) + ": " +
                  show(column, row[column_id], directory, false).value;
        }
        if (!text.empty()) text += "\n";
        text += line;
      }
    } else {
      text = show(field, value, directory, false).value;
    }
    values["answers." + id] = std::move(text);
  }
  return values;
}

}  // namespace servicedesk::host
