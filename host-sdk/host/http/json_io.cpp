// Strict JSON request parsing and error answers shared by every route.
#include "http/json_io.hpp"

#include <algorithm>

namespace servicedesk::host {

std::string safe_dump(const nlohmann::json& value) {
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void send_json(Response& res, int status, const nlohmann::json& body) {
  res.status = status;
  res.set_content(safe_dump(body), "application/json; charset=utf-8");
}

void send_error(Response& res, int status, std::string_view message) {
  send_json(res, status, nlohmann::json{{"error", std::string(message)}});
}

std::optional<nlohmann::json> read_object(const Request& req, Response& res,
                                          std::initializer_list<std::string_view> allowed) {
  const std::string type = req.get_header_value("Content-Type");
  if (!req.body.empty() && !type.empty() && type.rfind("application/json", 0) != 0) {
    send_error(res, 415, "Send the body as application/json.");
    return std::nullopt;
  }
  // An empty body counts as an empty object, so calls without parameters need none.
  nlohmann::json body =
      req.body.empty() ? nlohmann::json::object() : nlohmann::json::parse(req.body, nullptr, false);
  if (body.is_discarded()) {
    send_error(res, 400, "The body is not valid JSON (or not valid UTF-8).");
    return std::nullopt;
  }
  if (!body.is_object()) {
    send_error(res, 400, "The body must be a JSON object.");
    return std::nullopt;
  }
  for (const auto& item : body.items()) {
    if (std::find(allowed.begin(), allowed.end(), item.key()) == allowed.end()) {
      send_error(res, 400, "Unknown field \"" + item.key() + "\" in the body.");
      return std::nullopt;
    }
  }
  return body;
}

std::optional<std::string> string_member(const nlohmann::json& body, const char* key,
                                         std::size_t max_size, Response& res, bool& bad) {
  auto it = body.find(key);
  if (it == body.end() || it->is_null()) return std::nullopt;
  if (!it->is_string()) {
    send_error(res, 400, std::string("\"") + key + "\" must be a string.");
    bad = true;
    return std::nullopt;
  }
  const auto& text = it->get_ref<const std::string&>();
  if (text.size() > max_size) {
    send_error(res, 400, std::string("\"") + key + "\" is too long.");
    bad = true;
    return std::nullopt;
  }
  return text;
}

}  // namespace servicedesk::host
