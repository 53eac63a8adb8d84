// The non-template parts of a connection: message conversion and read-error statuses.
#include "http/connection.hpp"

#include <atomic>

#include <spdlog/spdlog.h>

namespace servicedesk::host::detail {

namespace http = boost::beast::http;

void from_beast(http::request<http::string_body>&& in, Request& req) {
  req.method = std::string(in.method_string());
  const auto target = in.target();
  set_target(req, std::string_view(target.data(), target.size()));
  for (const auto& field : in)
    req.headers.add(std::string(field.name_string()), std::string(field.value()));
  req.body = std::move(in.body());
}

void to_beast(Response& res, bool keep_alive, bool head_only,
              http::response<http::string_body>& out) {
  out.version(11);
  out.result(static_cast<unsigned>(res.status));
  for (auto& [name, value] : res.headers.fields()) out.insert(name, value);
  out.keep_alive(keep_alive);
  if (head_only) {
    out.content_length(res.body.size());
    return;
  }
  out.body() = std::move(res.body);
  out.prepare_payload();
}

int status_for_read_error(const boost::system::error_code& ec, bool timed_out) {
  if (timed_out) return 408;
  if (ec == http::error::body_limit) return 413;
  if (ec == http::error::header_limit) return 431;
  if (ec.category() != http::make_error_code(http::error::body_limit).category()) return 0;
  // The client went away mid-message: nobody is left to read an answer.
  if (ec == http::error::end_of_stream || ec == http::error::partial_message) return 0;
  return 400;  // a malformed request line, header or chunk
}

void warn_connection_cap() {
  // One line per ten seconds at most: a flood must not flood the log too.
  static std::atomic<std::int64_t> last_warning{0};
  const std::int64_t now = std::chrono::duration_cast<std::chrono::seconds>(
                               std::chrono::steady_clock::now().time_since_epoch())
                               .count();
  std::int64_t last = last_warning.load();
  if (now - last < 10 || !last_warning.compare_exchange_strong(last, now)) return;
  spdlog::warn(
      "connection cap reached: refusing new connections with 503 (see http.max_connections"
      " and http.max_connections_per_client)");
}

}  // namespace servicedesk::host::detail
