// The Duo Admin API client: signed v5 requests over libcurl, typed errors, retries, paging.
#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "duo_signing.hpp"

namespace servicedesk::duo {

/// Why a call did not succeed. `code` and `message` come from Duo's error envelope.
struct DuoError {
  enum class Kind {
    none,
    unreachable,   ///< no connection, TLS failure, timeout
    unauthorized,  ///< 401: credentials or clock wrong; never retried
    forbidden,     ///< 403: the application lacks a permission
    not_found,     ///< 404
    bad_request,   ///< other 4xx
    rate_limited,  ///< 429, after the retries
    server,        ///< 5xx, after the retries
    protocol,      ///< an answer that is not Duo's JSON
  };
  Kind kind = Kind::none;
  long http_status = 0;
  int code = 0;
  std::string message;
  std::string detail;

  /// True when trying again later may succeed (unreachable, 429, 5xx).
  bool temporary() const noexcept {
    return kind == Kind::unreachable || kind == Kind::rate_limited || kind == Kind::server;
  }
  /// "Duo answered 401 (40103 Invalid signature in request credentials)".
  std::string describe() const;
};

/// A call's outcome: Duo's `response` (and `metadata` for lists) or an error.
struct DuoReply {
  nlohmann::json response;
  nlohmann::json metadata;
  DuoError error;
  bool ok() const noexcept { return error.kind == DuoError::Kind::none; }
};

/// Where to connect and how to sign. The secret key stays in this struct and the signer.
struct AdminApiSettings {
  std::string host;      ///< the API host name requests are signed for
  std::string endpoint;  ///< "https://<host>" unless configured
  std::string ikey;
  std::string skey;
  std::chrono::milliseconds timeout{5000};
  int max_attempts = 4;  ///< per call, counting the first
  std::chrono::milliseconds backoff_base{250};
  std::chrono::milliseconds backoff_cap{4000};
  std::size_t page_size = 100;
};

/// One HTTP exchange, for the audit log line and the metrics.
struct DuoCallRecord {
  std::string_view tag;  ///< the RITM, or "read" for the rules' reads
  std::string_view method;
  std::string_view path;  ///< without the query (which may hold a phone)
  long status = 0;        ///< 0 when no answer came
  std::chrono::milliseconds duration{0};
  int attempt = 1;
  std::string_view outcome;  ///< "ok", "rate_limited", "server_error", "unreachable", "refused"
};

/// Signed calls to one Duo tenant. Thread-safe (each call has its own curl handle).
/// Retries: 429 always; 5xx and transport failures only for GET and DELETE, which are safe
/// to repeat (a POST that timed out may have been applied: its caller re-reads first).
/// Waits grow exponentially from `backoff_base`, capped at `backoff_cap`, plus jitter.
class AdminApiClient {
 public:
  using Observer = std::function<void(const DuoCallRecord&)>;
  AdminApiClient(AdminApiSettings settings, Observer observer);

  DuoReply get(std::string_view tag, const std::string& path, DuoParams params = {});
  /// GET of a list, following `metadata.next_offset` until it is absent.
  DuoReply get_all(std::string_view tag, const std::string& path, DuoParams params = {});
  /// POST with the parameters as a JSON object body (values as text).
  DuoReply post(std::string_view tag, const std::string& path, const DuoParams& params);
  DuoReply del(std::string_view tag, const std::string& path);

  const AdminApiSettings& settings() const noexcept { return settings_; }

 private:
  struct Raw;
  DuoReply call(std::string_view tag, const std::string& method, const std::string& path,
                const DuoParams& query, const std::string& body);
  Raw send_once(const std::string& method, const std::string& path, const DuoParams& query,
                const std::string& body) const;
  std::chrono::milliseconds backoff(int attempt) const;

  AdminApiSettings settings_;
  Observer observer_;
};

}  // namespace servicedesk::duo
