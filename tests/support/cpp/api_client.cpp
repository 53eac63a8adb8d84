// The API tests' client over httplib::Client.
#include "api_client.hpp"

#include <stdexcept>

namespace servicedesk::test {

std::string Reply::header(const std::string& name) const {
  auto it = headers.find(name);
  return it == headers.end() ? std::string() : it->second;
}

ApiClient::ApiClient(int port, ClientOptions options)
    : options_(options), client_(std::make_unique<httplib::Client>("127.0.0.1", port)) {
  client_->set_read_timeout(options_.read_timeout_seconds, 0);
  client_->set_keep_alive(options_.keep_alive);
  client_->set_tcp_nodelay(options_.tcp_nodelay);
}

httplib::Headers ApiClient::headers() const {
  httplib::Headers headers = extra_headers;
  if (!cookie.empty()) headers.emplace("Cookie", cookie);
  if (send_csrf && !csrf_token.empty()) headers.emplace("X-CSRF-Token", csrf_token);
  return headers;
}

Reply ApiClient::reply(const httplib::Result& result) {
  Reply out;
  if (!result) {
    if (options_.throw_when_unanswered)
      throw std::runtime_error("no answer: " + httplib::to_string(result.error()));
    return out;
  }
  out.status = result->status;
  out.body = result->body;
  out.headers = result->headers;
  if (!options_.parse_json) return out;
  out.json = nlohmann::json::parse(out.body, nullptr, false);
  if (out.json.is_discarded()) out.json = nullptr;
  return out;
}

Reply ApiClient::log_in(const std::string& username, const std::string& password) {
  Reply out = post("/api/session", {{"username", username}, {"password", password}});
  if (out.status == 200) adopt_session(out);
  return out;
}

void ApiClient::adopt_session(const Reply& reply) {
  const std::string set_cookie = reply.header("Set-Cookie");
  if (!set_cookie.empty()) cookie = set_cookie.substr(0, set_cookie.find(';'));
  const nlohmann::json body =
      options_.parse_json ? reply.json : nlohmann::json::parse(reply.body, nullptr, false);
  if (body.is_object()) csrf_token = body.value("csrf_token", "");
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
