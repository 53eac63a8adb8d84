// Reads the DUO item's answers without trusting their shape.
#include "answers.hpp"

#include <nlohmann/json.hpp>

namespace servicedesk::duo {

std::string_view trim(std::string_view text) noexcept {
  constexpr std::string_view blanks = " \t\r\n\f\v";
  const auto first = text.find_first_not_of(blanks);
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(blanks);
  return text.substr(first, last - first + 1);
}

std::string string_at(const nlohmann::json& object, std::string_view key) {
  if (!object.is_object()) return {};
  const auto it = object.find(key);
  if (it == object.end() || !it->is_string()) return {};
  return std::string(trim(it->get_ref<const std::string&>()));
}

DuoRequest read_request(const nlohmann::json& answers) {
  DuoRequest request;
  request.account = string_at(answers, "account");
  request.request_type = string_at(answers, "request_type");
  request.phone = string_at(answers, "phone");
  request.replace_last_four = string_at(answers, "replace_last_four");
  if (answers.is_object()) {
    const auto members = answers.find("members");
    if (members != answers.end() && members->is_array()) {
      for (const auto& row : *members) {
        request.members.push_back(
            {string_at(row, "user"), string_at(row, "last_four"), string_at(row, "phone")});
      }
    }
  }
  return request;
}

}  // namespace servicedesk::duo
