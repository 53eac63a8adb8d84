// Wires httplib: thread pool, limits, hooks for headers, logging and metrics, the routes.
#include "http/server.hpp"

#include <httplib.h>
#include <spdlog/spdlog.h>

#include "http/json_io.hpp"
#include "http/routes.hpp"

namespace servicedesk::host {
namespace {

constexpr const char* kStaticPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; "
    "frame-ancestors 'none'; base-uri 'none'";

struct RequestClock {
  std::chrono::steady_clock::time_point start;
  bool started = false;
};

RequestClock& request_clock() {
  thread_local RequestClock clock;
  return clock;
}

}  // namespace

ApiServer::ApiServer(ApiContext& context, ServerOptions options)
    : context_(context),
      options_(std::move(options)),
      server_(std::make_unique<httplib::Server>()) {
  const std::size_t threads = options_.threads == 0 ? 1 : options_.threads;
  server_->new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  server_->set_payload_max_length(options_.max_body_bytes);
  server_->set_read_timeout(options_.read_timeout);
  server_->set_write_timeout(options_.write_timeout);
  server_->set_keep_alive_timeout(options_.keep_alive_timeout.count());
  server_->set_keep_alive_max_count(1000);
  // Headers and body leave in separate writes; without NODELAY, Nagle and the client's
  // delayed ACK add ~40 ms to every answer.
  server_->set_tcp_nodelay(true);
  // httplib's default sets SO_REUSEPORT, which would let a second host bind the same port
  // and silently share its traffic; a second host must fail to start instead.
  server_->set_socket_options([](auto sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  install_hooks();
  install_routes();
}

ApiServer::~ApiServer() = default;

void ApiServer::install_hooks() {
  server_->set_pre_routing_handler([](const httplib::Request&, httplib::Response&) {
    request_clock() = {std::chrono::steady_clock::now(), true};
    current_trace() = {};
    return httplib::Server::HandlerResponse::Unhandled;
  });
  // Errors httplib produces itself (404, 413, 400 on a broken request line) get a JSON body.
  server_->set_error_handler(
      httplib::Server::HandlerWithResponse([](const httplib::Request&, httplib::Response& res) {
        if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
        const char* message = res.status == 404   ? "Not found."
                              : res.status == 413 ? "The request body is too large."
                              : res.status == 405 ? "Method not allowed."
                                                  : "Bad request.";
        send_error(res, res.status, message);
        return httplib::Server::HandlerResponse::Handled;
      }));
  server_->set_exception_handler(
      [](const httplib::Request& req, httplib::Response& res, std::exception_ptr) {
        spdlog::error("{} {}: unhandled exception", req.method, current_trace().route);
        send_error(res, 500, "Internal error.");
      });
  server_->set_post_routing_handler([](const httplib::Request&, httplib::Response& res) {
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("X-Frame-Options", "DENY");
    res.set_header("Referrer-Policy", "no-referrer");
    res.set_header("Cross-Origin-Opener-Policy", "same-origin");
    if (!res.has_header("Cache-Control")) res.set_header("Cache-Control", "no-store");
    if (!res.has_header("Content-Security-Policy"))
      res.set_header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
  });
  server_->set_file_request_handler([](const httplib::Request&, httplib::Response& res) {
    current_trace().route = "static";
    res.set_header("Content-Security-Policy", kStaticPolicy);
    res.set_header("Cache-Control", "no-cache");
  });
  server_->set_logger([this](const httplib::Request& req, const httplib::Response& res) {
    auto& clock = request_clock();
    const double ms = clock.started ? std::chrono::duration<double, std::milli>(
                                          std::chrono::steady_clock::now() - clock.start)
                                          .count()
                                    : 0.0;
    auto& trace = current_trace();
    const std::string route = trace.route.empty() ? "unmatched" : trace.route;
    context_.metrics.count_request(route, req.method, res.status);
    // The path without its query string; never a body, cookie or token.
    spdlog::info("{} {} {} {:.1f}ms user={}", req.method, req.path, res.status, ms,
                 trace.user.empty() ? "-" : trace.user);
    clock.started = false;
    trace = {};
  });
}

void ApiServer::install_routes() {
  Router router(*server_, context_);
  add_health_routes(router);
  add_session_routes(router);
  add_catalog_routes(router);
  add_directory_routes(router);
  add_cart_routes(router);
  add_checkout_routes(router);
  add_request_routes(router);
  add_fulfilment_routes(router);
  add_admin_routes(router);
  if (!options_.web_dir.empty()) {
    if (!server_->set_mount_point("/", options_.web_dir.string()))
      spdlog::warn("portal folder {} not found; serving the API only", options_.web_dir.string());
  }
}

bool ApiServer::bind(std::string& error) {
  if (options_.port == 0) {
    port_ = server_->bind_to_any_port(options_.host);
  } else {
    port_ = server_->bind_to_port(options_.host, options_.port) ? options_.port : -1;
  }
  if (port_ <= 0) {
    error = "cannot listen on " + options_.host + ":" + std::to_string(options_.port);
    return false;
  }
  return true;
}

bool ApiServer::run() {
  return server_->listen_after_bind();
}

void ApiServer::stop() {
  server_->stop();
}

}  // namespace servicedesk::host
