// A small HTTP client for the API tests: JSON in and out, session cookie and CSRF token kept.
#pragma once

#include <memory>
#include <string>

#include <httplib.h>
#include <nlohmann/json.hpp>

namespace servicedesk::test {

/// One answer: status, raw body, headers, and the body as JSON (null when it is not JSON).
struct Reply {
  int status = 0;
  std::string body;
  httplib::Headers headers;
  nlohmann::json json;
  std::string header(const std::string& name) const;
  /// The refusal sentence (`{"error": ...}`), or "" when the body has none.
  std::string error() const {
    return json.is_object() && json.contains("error") && json["error"].is_string()
               ? json["error"].get<std::string>()
               : std::string();
  }
};

/// Talks to one host as one browser would: keeps the session cookie and the CSRF token.
class ApiClient {
 public:
  explicit ApiClient(int port);

  /// Logs in; returns the reply and keeps cookie and token when it was 200.
  Reply log_in(const std::string& username, const std::string& password = "demo");

  Reply get(const std::string& path);
  Reply post(const std::string& path, const nlohmann::json& body);
  /// Sends `body` as is (for malformed input).
  Reply post_raw(const std::string& path, const std::string& body,
                 const std::string& content_type = "application/json");
  Reply del(const std::string& path);

  /// Whether mutating calls carry the X-CSRF-Token header (tests switch it off).
  bool send_csrf = true;
  std::string csrf_token;
  std::string cookie;  ///< "sd_session=..."

 private:
  httplib::Headers headers() const;
  Reply reply(const httplib::Result& result);

  std::unique_ptr<httplib::Client> client_;
};

}  // namespace servicedesk::test
