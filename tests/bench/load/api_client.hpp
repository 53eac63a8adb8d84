// A logged-in client of the host's HTTP API: session cookie and CSRF token kept for each call.
#pragma once

#include <string>

#include <httplib.h>
#include <nlohmann/json.hpp>

namespace servicedesk::bench {

class ApiClient {
 public:
  ApiClient(const std::string& host, int port);
  /// POST /api/session; false when refused.
  bool login(const std::string& username, const std::string& password);
  /// A JSON call; returns the status (0 when the connection failed) and fills `body`.
  int call(const std::string& method, const std::string& path, const nlohmann::json& request,
           nlohmann::json* body = nullptr);
  int get(const std::string& path, nlohmann::json* body = nullptr) {
    return call("GET", path, nullptr, body);
  }

 private:
  httplib::Client client_;
  httplib::Headers headers_;
};

}  // namespace servicedesk::bench
