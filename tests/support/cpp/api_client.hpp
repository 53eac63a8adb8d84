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

/// How an ApiClient talks; the defaults suit the tests, the load driver changes them.
struct ClientOptions {
  bool keep_alive = false;   ///< reuse one connection for every call
  bool tcp_nodelay = false;  ///< httplib writes headers and body apart: avoid Nagle's ~40 ms
  bool parse_json = true;    ///< fill Reply::json (the load driver reads `body` only when needed)
  bool throw_when_unanswered = true;  ///< else a failed connection is a Reply with status 0
  int read_timeout_seconds = 20;
};

/// Talks to one host as one browser would: keeps the session cookie and the CSRF token.
class ApiClient {
 public:
  explicit ApiClient(int port, ClientOptions options = {});

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
  /// Sent with every call (a reverse proxy's headers, in trusted_header tests).
  httplib::Headers extra_headers;
  /// Keeps the cookie and CSRF token of a reply that started a session (GET /api/session).
  void adopt_session(const Reply& reply);

 private:
  httplib::Headers headers() const;
  Reply reply(const httplib::Result& result);

  ClientOptions options_;
  std::unique_ptr<httplib::Client> client_;
};

}  // namespace servicedesk::test
