// Who decides which item, and the department a DITC requests for.
#include "usecases/duties.hpp"

#include <algorithm>

namespace servicedesk::host {
namespace {

constexpr std::string_view kDitcRole = "ditc";

bool is_directory_field(const nlohmann::json& field) {
  const std::string type = field.value("type", "");
  return type == "person" || type == "directory_account";
}

/// Whether this order falls under the department scope at all.
bool scoped(const Desk& desk, const Requester& requester, const Form& form) {
  if (!desk.ditc_scope_department || !requester.has_role(kDitcRole)) return false;
  const auto& roles = form.header().roles;
  return std::find(roles.begin(), roles.end(), kDitcRole) != roles.end();
}

/// The refusal when `username` names an entry outside `department`.
Outcome check_name(const Desk& desk, const std::string& department, const nlohmann::json& value) {
  if (!value.is_string()) return {};
  const DirectoryEntry* entry = desk.directory.find(value.get<std::string>());
  if (entry == nullptr || entry->department == department) return {};
  return Outcome::refuse(Refusal::forbidden,
                         "As a DITC of " + (department.empty() ? "no department" : department) +
                             " you can only request for people and accounts of your own "
                             "department; " +
                             entry->display_name + " is in " +
                             (entry->department.empty() ? "no department" : entry->department) +
                             ".");
}

std::string department_of(const Desk& desk, const Requester& requester) {
  const DirectoryEntry* self = desk.directory.find(requester.username);
  return self ? self->department : std::string();
}

}  // namespace

Outcome may_decide_item(const Requester& requester, const RequestItemRecord& item) {
  if (item.opened_by == requester.username)
    return Outcome::refuse(Refusal::forbidden,
                           "You opened this request, so another member of IT staff must fulfil "
                           "or reject it.");
  if (item.requested_for == requester.username)
    return Outcome::refuse(Refusal::forbidden,
                           "This request is for you, so another member of IT staff must fulfil "
                           "or reject it.");
  return {};
}

Outcome within_ditc_scope(const Desk& desk, const Requester& requester, const Form& form,
                          const nlohmann::json& answers) {
  if (!scoped(desk, requester, form) || !answers.is_object()) return {};
  const std::string department = department_of(desk, requester);
  for (const auto& field : form.client_json().value("fields", nlohmann::json::array())) {
    const std::string id = field.value("id", "");
    if (!answers.contains(id)) continue;
    if (is_directory_field(field)) {
      if (Outcome refusal = check_name(desk, department, answers[id]); !refusal.ok())
        return refusal;
    }
    if (!field.contains("columns") || !answers[id].is_array()) continue;
    for (const auto& column : field["columns"]) {
      if (!is_directory_field(column)) continue;
      for (const auto& row : answers[id]) {
        if (!row.is_object() || !row.contains(column.value("id", ""))) continue;
        if (Outcome refusal = check_name(desk, department, row[column.value("id", "")]);
            !refusal.ok())
          return refusal;
      }
    }
  }
  return {};
}

Outcome requested_for_within_scope(const Desk& desk, const Requester& requester, const Form& form,
                                   const std::string& requested_for) {
  if (!scoped(desk, requester, form)) return {};
  return check_name(desk, department_of(desk, requester), requested_for);
}

}  // namespace servicedesk::host
