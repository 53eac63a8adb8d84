// Reads the DUO item's answers without trusting their shape.
#include "answers.hpp"

#include <nlohmann/json.hpp>

namespace servicedesk::duo {

std::vector<FieldRead> request_fields() {
  using namespace field_ids;
  return {{kAccount, {}},
          {kRequestType, {}},
          {kPhone, {}},
          {kReplaceLastFour, {}},
          {kMembers, {kUser, kLastFour, kPhone}}};
}

std::string string_at(const nlohmann::json& object, std::string_view key) {
  if (!object.is_object()) return {};
  const auto it = object.find(key);
  if (it == object.end() || !it->is_string()) return {};
  return std::string(trim_blanks(it->get_ref<const std::string&>()));
}

DuoRequest read_request(const nlohmann::json& answers) {
  using namespace field_ids;
  DuoRequest request;
  request.account = string_at(answers, kAccount);
  request.request_type = string_at(answers, kRequestType);
  request.phone = string_at(answers, kPhone);
  request.replace_last_four = string_at(answers, kReplaceLastFour);
  if (answers.is_object()) {
    const auto members = answers.find(kMembers);
    if (members != answers.end() && members->is_array()) {
      for (const auto& row : *members) {
        request.members.push_back(
            {string_at(row, kUser), string_at(row, kLastFour), string_at(row, kPhone)});
      }
    }
  }
  return request;
}

}  // namespace servicedesk::duo
