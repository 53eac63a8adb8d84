// Routing, security headers, JSON errors, access log and counters for every answer.
#include "http/request_pipeline.hpp"

#include <chrono>

#include <spdlog/spdlog.h>

#include "http/access_log.hpp"
#include "http/json_io.hpp"
#include "http/log_escape.hpp"
#include "http/routes.hpp"

namespace servicedesk::host {
namespace {

constexpr const char* kStaticPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; "
    "frame-ancestors 'none'; base-uri 'none'";

const char* error_message(int status) {
  switch (status) {
    case 404:
      return "Not found.";
    case 405:
      return "Method not allowed.";
    case 408:
      return "The request took too long to arrive.";
    case 413:
      return "The request body is too large.";
    case 431:
      return "The request headers are too large.";
    case 503:
      return "Too many connections; try again shortly.";
    default:
      return status >= 500 ? "Internal error." : "Bad request.";
  }
}

/// The method as a metrics label: a client cannot grow the counters with invented methods.
std::string metric_method(std::string_view method) {
  for (const char* known : {"GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"})
    if (method == known) return known;
  return "other";
}

void add_security_headers(Response& res) {
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("X-Frame-Options", "DENY");
  res.set_header("Referrer-Policy", "no-referrer");
  res.set_header("Cross-Origin-Opener-Policy", "same-origin");
  if (!res.has_header("Cache-Control")) res.set_header("Cache-Control", "no-store");
  if (!res.has_header("Content-Security-Policy"))
    res.set_header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
}

}  // namespace

std::string refusal_body(int status) {
  return safe_dump(nlohmann::json{{"error", error_message(status)}});
}

RequestPipeline::RequestPipeline(ApiContext& context, std::filesystem::path web_dir)
    : context_(context), router_(context), static_files_(std::move(web_dir)) {
  add_health_routes(router_);
  add_session_routes(router_);
  add_catalog_routes(router_);
  add_directory_routes(router_);
  add_cart_routes(router_);
  add_checkout_routes(router_);
  add_request_routes(router_);
  add_fulfilment_routes(router_);
  add_admin_routes(router_);
}

void RequestPipeline::route(Request& req, Response& res) const {
  if (router_.dispatch(req, res)) return;
  if (static_files_.serve(req, res)) {
    current_trace().route = "static";
    res.set_header("Content-Security-Policy", kStaticPolicy);
    res.set_header("Cache-Control", "no-cache");
    return;
  }
  res.status = 404;
}

void RequestPipeline::serve(Request& req, Response& res) const {
  const auto start = std::chrono::steady_clock::now();
  auto& trace = current_trace();
  trace = {};
  try {
    route(req, res);
  } catch (const std::exception&) {
    spdlog::error("{} {}: unhandled exception", log_safe(req.method), trace.route);
    res = Response{};
    res.status = 500;
  }
  // Answers without a body (404, a handler's bare status) get the JSON error body.
  if (res.status >= 400 && res.body.empty()) send_error(res, res.status, error_message(res.status));
  add_security_headers(res);
  const double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  const std::string& route_label = trace.route.empty() ? std::string("unmatched") : trace.route;
  context_.metrics.count_request(route_label, metric_method(req.method), res.status);
  // The path without its query string; never a body, cookie or token.
  access_log().info("{} {} {} {:.1f}ms user={}", log_safe(req.method), log_safe(req.path),
                    res.status, ms, trace.user.empty() ? "-" : log_safe(trace.user));
  trace = {};
}

void RequestPipeline::record_refusal(std::string_view method, std::string_view target,
                                     int status) const {
  const std::string method_text = method.empty() ? "-" : std::string(method);
  context_.metrics.count_request("refused", metric_method(method), status);
  access_log().info("{} {} {} 0.0ms user=-", log_safe(method_text),
                    target.empty() ? "-" : log_safe(target.substr(0, 256)), status);
}

}  // namespace servicedesk::host
