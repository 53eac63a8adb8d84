// What happens to one parsed request: routing or static files, security headers, JSON
// errors, the access log and the request counters. Knows nothing of sockets.
#pragma once

#include <filesystem>
#include <string_view>

#include "http/api_context.hpp"
#include "http/message.hpp"
#include "http/router.hpp"
#include "http/static_files.hpp"

namespace servicedesk::host {

class RequestPipeline {
 public:
  RequestPipeline(ApiContext& context, std::filesystem::path web_dir);

  Router& router() { return router_; }
  /// Answers `req` in `res`, logs and counts it. Never throws.
  void serve(Request& req, Response& res) const;
  /// Logs and counts an answer the transport gave without routing (400, 408, 413, 431, 503).
  void record_refusal(std::string_view method, std::string_view target, int status) const;
  /// Whether the request may wait on the disk (writes go to the worker threads, so the
  /// event loop never blocks on an fsync).
  static bool may_block(const Request& req) { return req.method != "GET" && req.method != "HEAD"; }

 private:
  void route(Request& req, Response& res) const;

  ApiContext& context_;
  Router router_;
  StaticFiles static_files_;
};

/// The body of an answer the transport gives itself: `{"error": ...}` for `status`.
std::string refusal_body(int status);

}  // namespace servicedesk::host
