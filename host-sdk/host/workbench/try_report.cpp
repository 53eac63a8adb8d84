// What `servicedesk-host try` prints: the portal's view of one answer set.
#include "workbench/try_report.hpp"

#include <sstream>

#include "workbench/form_case_check.hpp"

namespace servicedesk::host {
namespace {

/// Flattens validated answers into `path: value` lines, rows as `members[0].phone`.
void value_lines(const nlohmann::json& node, const std::string& path, std::ostringstream& out) {
  if (node.is_object()) {
    for (auto it = node.begin(); it != node.end(); ++it)
      value_lines(it.value(), path.empty() ? it.key() : path + "." + it.key(), out);
  } else if (node.is_array()) {
    for (std::size_t i = 0; i < node.size(); ++i)
      value_lines(node[i], path + "[" + std::to_string(i) + "]", out);
  } else {
    out << "  " << path << ": " << (node.is_string() ? node.get<std::string>() : node.dump())
        << '\n';
  }
}

}  // namespace

std::string try_report_text(const Form& form, const AnswerRun& run, const std::string& as) {
  std::ostringstream out;
  out << form.header().name << " (" << form.header().id << "), as "
      << (as.empty() ? std::string("anyone it is offered to") : as) << '\n';
  if (!run.available) {
    out << "not offered to " << as << ": available_for leaves this person out\n";
    return out.str();
  }
  out << "fields:\n";
  for (const auto& [path, state] : run.live.fields) {
    if (path.empty()) continue;  // errors of the whole form are listed below
    out << "  " << path << ": " << (state.visible ? "visible" : "hidden");
    if (state.visible && state.mandatory) out << ", mandatory";
    if (state.visible && state.read_only) out << ", read-only";
    if (state.visible && state.has_options) {
      std::vector<std::string> values;
      for (const auto& [value, label] : state.options) values.push_back(value);
      out << ", choices " << quoted_list(values);
    }
    out << '\n';
  }
  const auto errors = run.errors();
  out << (errors.empty() ? "errors: none\n" : "errors:\n");
  for (const auto& [path, messages] : errors) {
    for (const auto& message : messages)
      out << "  " << (path.empty() ? std::string("(the form)") : path) << ": " << message << '\n';
  }
  if (!run.refused.empty()) out << "refused by a checkout guard: " << run.refused << '\n';
  out << "add to cart: " << (run.valid() ? "accepted" : "refused") << '\n';
  if (run.submitted.ok && run.submitted.answers) {
    std::ostringstream values;
    value_lines(*run.submitted.answers, "", values);
    out << "values stored:\n" << values.str();
  }
  return out.str();
}

nlohmann::json try_report_json(const Form& form, const AnswerRun& run, const std::string& as) {
  nlohmann::json out = {
      {"item", form.header().id}, {"as", as}, {"available", run.available}, {"valid", run.valid()}};
  if (!run.available) return out;
  out["fields"] = run.live.to_json()["fields"];
  nlohmann::json errors = nlohmann::json::object();
  for (const auto& [path, messages] : run.errors()) errors[path] = messages;
  out["errors"] = std::move(errors);
  if (!run.refused.empty()) out["refused"] = run.refused;
  if (run.submitted.ok && run.submitted.answers) out["values"] = *run.submitted.answers;
  return out;
}

}  // namespace servicedesk::host
