// Signed Duo Admin API calls over libcurl, with retries, typed errors and paging.
#include "duo_admin_client.hpp"

#include <algorithm>
#include <memory>
#include <random>
#include <thread>

#include <curl/curl.h>

#include "duo_answers.hpp"

namespace servicedesk::duo {

struct AdminApiClient::Raw {
  long status = 0;  ///< 0: no answer (transport failure)
  std::string body;
  std::string transport_error;
};

namespace {

std::size_t append_body(char* data, std::size_t size, std::size_t count, void* target) {
  static_cast<std::string*>(target)->append(data, size * count);
  return size * count;
}

void init_curl_once() {
  static const CURLcode initialised = curl_global_init(CURL_GLOBAL_DEFAULT);
  (void)initialised;
}

const char* outcome_of(long status) {
  if (status == 0) return "unreachable";
  if (status >= 200 && status < 300) return "ok";
  if (status == 429) return "rate_limited";
  if (status >= 500) return "server_error";
  return "refused";
}

}  // namespace

std::string DuoError::describe() const {
  if (kind == Kind::none) return "no error";
  if (kind == Kind::unreachable) return "Duo could not be reached (" + message + ")";
  std::string text = "Duo answered " + std::to_string(http_status);
  if (code != 0 || !message.empty()) {
    text += " (";
    if (code != 0) text += std::to_string(code) + (message.empty() ? "" : " ");
    text += message + (detail.empty() ? "" : ": " + detail) + ")";
  }
  return text;
}

AdminApiClient::AdminApiClient(AdminApiSettings settings, Observer observer)
    : settings_(std::move(settings)), observer_(std::move(observer)) {
  init_curl_once();
}

AdminApiClient::Raw AdminApiClient::send_once(const std::string& method, const std::string& path,
                                              const DuoParams& query,
                                              const std::string& body) const {
  Raw raw;
  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), curl_easy_cleanup);
  if (!curl) {
    raw.transport_error = "curl could not start";
    return raw;
  }
  RequestToSign request{rfc2822_date(std::chrono::system_clock::now()),
                        method,
                        settings_.host,
                        path,
                        query,
                        body,
                        {}};
  const std::string query_text = canonical_params(query);
  const std::string url = settings_.endpoint + path + (query_text.empty() ? "" : "?" + query_text);
  curl_slist* headers = nullptr;
  headers = curl_slist_append(headers, ("Date: " + request.date).c_str());
  headers = curl_slist_append(
      headers,
      ("Authorization: " + authorization_v5(request, settings_.ikey, settings_.skey)).c_str());
  if (method == "POST") headers = curl_slist_append(headers, "Content-Type: application/json");
  headers = curl_slist_append(headers, "Expect:");
  std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> header_list(headers,
                                                                          curl_slist_free_all);
  CURL* handle = curl.get();
  curl_easy_setopt(handle, CURLOPT_URL, url.c_str());
  curl_easy_setopt(handle, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(handle, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(handle, CURLOPT_SSL_VERIFYHOST, 2L);
  curl_easy_setopt(handle, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(handle, CURLOPT_TIMEOUT_MS, static_cast<long>(settings_.timeout.count()));
  curl_easy_setopt(handle, CURLOPT_CUSTOMREQUEST, method.c_str());
  curl_easy_setopt(handle, CURLOPT_HTTPHEADER, header_list.get());
  curl_easy_setopt(handle, CURLOPT_USERAGENT, "servicedesk-duo-account-updates/1.1");
  curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, append_body);
  curl_easy_setopt(handle, CURLOPT_WRITEDATA, &raw.body);
  if (method == "POST") {
    curl_easy_setopt(handle, CURLOPT_POSTFIELDS, body.c_str());
    curl_easy_setopt(handle, CURLOPT_POSTFIELDSIZE, static_cast<long>(body.size()));
  }
  const CURLcode result = curl_easy_perform(handle);
  if (result != CURLE_OK) {
    raw.transport_error = curl_easy_strerror(result);
    raw.body.clear();
    return raw;
  }
  curl_easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &raw.status);
  return raw;
}

std::chrono::milliseconds AdminApiClient::backoff(int attempt) const {
  thread_local std::minstd_rand random(std::random_device{}());
  const auto base = settings_.backoff_base.count();
  const auto exponential =
      std::min<long long>(settings_.backoff_cap.count(), base << std::min(attempt - 1, 20));
  std::uniform_int_distribution<long long> jitter(0, std::max<long long>(1, exponential / 2));
  return std::chrono::milliseconds(exponential / 2 + jitter(random));
}

DuoReply AdminApiClient::call(std::string_view tag, const std::string& method,
                              const std::string& path, const DuoParams& query,
                              const std::string& body) {
  const bool repeatable = method != "POST";
  for (int attempt = 1;; ++attempt) {
    const auto started = std::chrono::steady_clock::now();
    const Raw raw = send_once(method, path, query, body);
    const auto took = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::steady_clock::now() - started);
    if (observer_)
      observer_({tag, method, path, raw.status, took, attempt, outcome_of(raw.status)});
    const bool retry = raw.status == 429 || (repeatable && (raw.status == 0 || raw.status >= 500));
    if (!retry || attempt >= settings_.max_attempts) {
      if (raw.status == 0) {
        DuoReply failed;
        failed.error = {DuoError::Kind::unreachable, 0, 0, raw.transport_error, ""};
        return failed;
      }
      return read_envelope(raw.status, raw.body);
    }
    std::this_thread::sleep_for(backoff(attempt));
  }
}

DuoReply AdminApiClient::get(std::string_view tag, const std::string& path, DuoParams params) {
  return call(tag, "GET", path, params, "");
}

DuoReply AdminApiClient::get_all(std::string_view tag, const std::string& path, DuoParams params) {
  params.emplace_back("limit", std::to_string(settings_.page_size));
  DuoReply all;
  all.response = nlohmann::json::array();
  std::string offset = "0";
  for (int page = 0; page < 10000; ++page) {
    DuoParams paged = params;
    paged.emplace_back("offset", offset);
    DuoReply reply = call(tag, "GET", path, paged, "");
    if (!reply.ok()) return reply;
    if (!reply.response.is_array()) {
      all.error = {DuoError::Kind::protocol, 200, 0, "a list answer that is not a list", ""};
      return all;
    }
    for (auto& item : reply.response) all.response.push_back(std::move(item));
    const nlohmann::json& metadata =
        reply.metadata.is_object() ? reply.metadata : nlohmann::json::object();
    const auto next = metadata.find("next_offset");
    if (next == metadata.end() || next->is_null()) return all;
    offset = next->is_string() ? next->get<std::string>() : next->dump();
  }
  return all;
}

DuoReply AdminApiClient::post(std::string_view tag, const std::string& path,
                              const DuoParams& params) {
  nlohmann::json body = nlohmann::json::object();
  for (const auto& [key, value] : params) body[key] = value;
  return call(tag, "POST", path, {}, body.dump());
}

DuoReply AdminApiClient::del(std::string_view tag, const std::string& path) {
  return call(tag, "DELETE", path, {}, "");
}

}  // namespace servicedesk::duo
