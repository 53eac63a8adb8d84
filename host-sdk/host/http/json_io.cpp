// Strict JSON request parsing and error answers shared by every route.
#include "http/json_io.hpp"

#include <algorithm>
#include <utility>
#include <vector>

namespace servicedesk::host {
namespace {

/// How deep a request body may nest. The deepest body the API takes (answers with rows of
/// fields) is 5 levels; copying or printing a JSON value recurses once per level, so a 64 KiB
/// body 30,000 levels deep would overflow a thread's stack.
constexpr std::size_t kMaxDepth = 32;
constexpr const char* kNulRefusal = "Text in the body may not contain the NUL character (\\u0000).";

/// Why `body` is refused before any route sees it: nested deeper than kMaxDepth, or a key or
/// string holding U+0000, which no text column (SQLite's C strings, PostgreSQL's TEXT and
/// JSONB) keeps as sent. Empty when it is fine. Walks with a list, not recursion.
std::string body_problem(const nlohmann::json& body) {
  std::vector<std::pair<const nlohmann::json*, std::size_t>> pending{{&body, 1}};
  while (!pending.empty()) {
    const auto [value, depth] = pending.back();
    pending.pop_back();
    if (depth > kMaxDepth) return "The body is nested too deeply.";
    if (value->is_string()) {
      if (value->get_ref<const std::string&>().find('\0') != std::string::npos) return kNulRefusal;
    } else if (value->is_object()) {
      for (const auto& [key, member] : value->items()) {
        if (key.find('\0') != std::string::npos) return kNulRefusal;
        pending.emplace_back(&member, depth + 1);
      }
    } else if (value->is_array()) {
      for (const auto& element : *value) pending.emplace_back(&element, depth + 1);
    }
  }
  return "";
}

}  // namespace

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
  if (const std::string problem = body_problem(body); !problem.empty()) {
    send_error(res, 400, problem);
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
