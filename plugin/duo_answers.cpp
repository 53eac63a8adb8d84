// Duo's answers read defensively: a Duo-compatible server may send any JSON at all.
#include "duo_answers.hpp"

#include "phone_policy.hpp"

namespace servicedesk::duo {
namespace {

DuoError::Kind kind_of_status(long status) {
  if (status == 401) return DuoError::Kind::unauthorized;
  if (status == 403) return DuoError::Kind::forbidden;
  if (status == 404) return DuoError::Kind::not_found;
  if (status == 429) return DuoError::Kind::rate_limited;
  if (status >= 500) return DuoError::Kind::server;
  return DuoError::Kind::bad_request;
}

/// The string at `key` of an object, or "".
std::string text_at(const nlohmann::json& object, const char* key) {
  if (!object.is_object()) return {};
  const auto found = object.find(key);
  return found != object.end() && found->is_string() ? found->get<std::string>() : std::string();
}

DuoError protocol_error(std::string message) {
  return {DuoError::Kind::protocol, 200, 0, std::move(message), ""};
}

}  // namespace

DuoReply read_envelope(long status, const std::string& body) {
  DuoReply reply;
  const nlohmann::json root = nlohmann::json::parse(body, nullptr, false);
  if (status >= 200 && status < 300) {
    if (text_at(root, "stat") == "OK" && root.contains("response")) {
      reply.response = root["response"];
      if (root.contains("metadata")) reply.metadata = root["metadata"];
      return reply;
    }
    reply.error = {DuoError::Kind::protocol, status, 0, "an answer without Duo's OK envelope", ""};
    return reply;
  }
  reply.error.kind = kind_of_status(status);
  reply.error.http_status = status;
  if (root.is_object()) {
    if (const auto code = root.find("code"); code != root.end() && code->is_number_integer())
      reply.error.code = code->get<int>();
    reply.error.message = text_at(root, "message");
    reply.error.detail = text_at(root, "message_detail");
  }
  return reply;
}

UserRead read_user_answer(const nlohmann::json& response, std::string_view username) {
  UserRead read;
  if (!response.is_array() || response.empty()) return read;  // no such user
  const nlohmann::json& found = response.front();
  DuoUser user{text_at(found, "user_id"), text_at(found, "username"), {}};
  if (user.id.empty()) {
    read.error = protocol_error("a user without user_id");
    return read;
  }
  if (user.username.empty()) user.username = std::string(username);
  read.user = std::move(user);
  return read;
}

std::optional<std::vector<DuoPhone>> read_phones_answer(const nlohmann::json& response) {
  if (!response.is_array()) return std::nullopt;
  std::vector<DuoPhone> phones;
  for (const nlohmann::json& phone : response) {
    DuoPhone read{phone_id_of(phone), text_at(phone, "number")};
    if (read.id.empty()) return std::nullopt;
    if (auto e164 = to_e164(read.number)) read.number = std::move(*e164);
    phones.push_back(std::move(read));
  }
  return phones;
}

std::string phone_id_of(const nlohmann::json& phone) {
  return text_at(phone, "phone_id");
}

bool held_by_another_user(const nlohmann::json& phone, const std::string& user_id) {
  if (!phone.is_object()) return false;
  const auto users = phone.find("users");
  if (users == phone.end() || !users->is_array()) return false;
  for (const nlohmann::json& holder : *users) {
    if (text_at(holder, "user_id") != user_id) return true;
  }
  return false;
}

}  // namespace servicedesk::duo
