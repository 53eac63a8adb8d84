// The API tests' client over httplib::Client.
#include "api_client.hpp"

#include <stdexcept>

namespace servicedesk::test {

std::string Reply::header(const std::string& name) const {
  auto it = headers.find(name);
  return it == headers.end() ? std::string() : it->second;
}

ApiClient::ApiClient(int port) : client_(std::make_unique<httplib::Client>("127.0.0.1", port)) {
  client_->set_read_timeout(20, 0);
  client_->set_keep_alive(false);
}

httplib::Headers ApiClient::headers() const {
  httplib::Headers headers;
  if (!cookie.empty()) headers.emplace("Cookie", cookie);
  if (send_csrf && !csrf_token.empty()) headers.emplace("X-CSRF-Token", csrf_token);
  return headers;
}

Reply ApiClient::reply(const httplib::Result& result) {
  if (!result) throw std::runtime_error("no answer: " + httplib::to_string(result.error()));
  Reply out;
  out.status = result->status;
  out.body = result->body;
  out.headers = result->headers;
  out.json = nlohmann::json::parse(out.body, nullptr, false);
  if (out.json.is_discarded()) out.json = nullptr;
  return out;
}

Reply ApiClient::log_in(const std::string& username, const std::string& password) {
  Reply out = post("/api/session", {{"username", username}, {"password", password}});
  if (out.status == 200) {
    const std::string set_cookie = out.header("Set-Cookie");
    cookie = set_cookie.substr(0, set_cookie.find(';'));
    csrf_token = out.json.value("csrf_token", "");
  }
  return out;
}

Reply ApiClient::get(const std::string& path) {
  return reply(client_->Get(path, headers()));
}

Reply ApiClient::post(const std::string& path, const nlohmann::json& body) {
  return post_raw(path, body.dump());
}

Reply ApiClient::post_raw(const std::string& path, const std::string& body,
                          const std::string& content_type) {
  return reply(client_->Post(path, headers(), body, content_type));
}

Reply ApiClient::del(const std::string& path) {
  return reply(client_->Delete(path, headers()));
}

}  // namespace servicedesk::test
