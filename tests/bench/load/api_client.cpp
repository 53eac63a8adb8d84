// HTTP calls for the load driver.
#include "api_client.hpp"

namespace servicedesk::bench {

ApiClient::ApiClient(const std::string& host, int port) : client_(host, port) {
  client_.set_keep_alive(true);
  // httplib writes headers and body separately: without this, Nagle's algorithm and the
  // server's delayed ACK add ~40 ms to every POST.
  client_.set_tcp_nodelay(true);
  client_.set_read_timeout(std::chrono::seconds(10));
}

bool ApiClient::login(const std::string& username, const std::string& password) {
  const nlohmann::json credentials = {{"username", username}, {"password", password}};
  auto answer = client_.Post("/api/session", credentials.dump(), "application/json");
  if (!answer || answer->status != 200) return false;
  const std::string cookie = answer->get_header_value("Set-Cookie");
  const auto body = nlohmann::json::parse(answer->body, nullptr, false);
  if (body.is_discarded() || !body.contains("csrf_token")) return false;
  headers_ = {{"Cookie", cookie.substr(0, cookie.find(';'))},
              {"X-CSRF-Token", body["csrf_token"].get<std::string>()}};
  return true;
}

int ApiClient::call(const std::string& method, const std::string& path,
                    const nlohmann::json& request, nlohmann::json* body) {
  httplib::Result answer = method == "GET" ? client_.Get(path, headers_)
                           : method == "DELETE"
                               ? client_.Delete(path, headers_)
                               : client_.Post(path, headers_, request.dump(), "application/json");
  if (!answer) return 0;
  if (body) *body = nlohmann::json::parse(answer->body, nullptr, false);
  return answer->status;
}

}  // namespace servicedesk::bench
