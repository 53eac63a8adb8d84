// JSON in and out of HTTP handlers: strict body parsing and uniform error answers.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>
#include "http/message.hpp"

namespace servicedesk::host {

/// Writes `body` as JSON with `status`.
void send_json(Response& res, int status, const nlohmann::json& body);
/// Writes `{"error": message}` with `status`.
void send_error(Response& res, int status, std::string_view message);

/// Parses the request body as a JSON object whose keys are all in `allowed`. On any
/// problem writes a 400 (415 for a wrong content type) and returns nothing.
std::optional<nlohmann::json> read_object(const Request& req, Response& res,
                                          std::initializer_list<std::string_view> allowed);

/// The string member `key` of `body`: nothing when absent; writes a 400 and sets
/// `bad` when present but not a string or longer than `max_size` bytes.
std::optional<std::string> string_member(const nlohmann::json& body, const char* key,
                                         std::size_t max_size, Response& res, bool& bad);

/// Serializes without ever throwing on odd bytes (they become U+FFFD).
std::string safe_dump(const nlohmann::json& value);

}  // namespace servicedesk::host
