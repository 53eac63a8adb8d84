// JSON shapes of engine results (schemas/openapi.yaml) and the diagnostic line format.
#include <nlohmann/json.hpp>

#include "servicedesk/forms/form.hpp"

namespace servicedesk {

std::string Diagnostic::to_string() const {
  return file + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " + message;
}

nlohmann::json Evaluation::to_json() const {
  nlohmann::json fields_json = nlohmann::json::object();
  nlohmann::json form_errors = nlohmann::json::array();
  for (const auto& [path, state] : fields) {
    if (path.empty()) {
      for (const std::string& error : state.errors) form_errors.push_back(error);
      continue;
    }
    nlohmann::json entry = {{"visible", state.visible},
                            {"mandatory", state.mandatory},
                            {"read_only", state.read_only},
                            {"errors", state.errors}};
    if (state.has_options) {
      nlohmann::json options = nlohmann::json::array();
      for (const auto& [value, label] : state.options)
        options.push_back({{"value", value}, {"label", label}});
      entry["options"] = std::move(options);
    }
    if (!state.min.empty()) entry["min"] = state.min;
    if (!state.max.empty()) entry["max"] = state.max;
    fields_json[path] = std::move(entry);
  }
  nlohmann::json out = {{"fields", std::move(fields_json)}, {"valid", valid}};
  if (!form_errors.empty()) out["form_errors"] = std::move(form_errors);
  return out;
}

nlohmann::json Submission::errors_json() const {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& [path, messages] : errors) out[path] = messages;
  return out;
}

}  // namespace servicedesk
