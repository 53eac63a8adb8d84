// The HTTP server: routes, static portal files, limits, security headers, access log.
#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>

#include "http/api_context.hpp"

namespace httplib {
class Server;
}

namespace servicedesk::host {

/// Listening address and the limits that keep one client from hogging the host.
struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;  ///< 0 picks a free port
  std::size_t threads = 8;
  std::filesystem::path web_dir;  ///< the portal's static files; empty serves none
  std::size_t max_body_bytes = 64 * 1024;
  std::chrono::seconds read_timeout{10};
  std::chrono::seconds write_timeout{10};
  std::chrono::seconds keep_alive_timeout{5};
};

/// The API and portal server. Bind, then run on one thread and stop from another.
class ApiServer {
 public:
  ApiServer(ApiContext& context, ServerOptions options);
  ~ApiServer();
  ApiServer(const ApiServer&) = delete;
  ApiServer& operator=(const ApiServer&) = delete;

  /// Binds the listening socket; false with `error` set when the address is unusable.
  bool bind(std::string& error);
  /// The bound port.
  int port() const { return port_; }
  /// Serves until stop(); returns false when serving failed.
  bool run();
  /// Stops accepting; requests in flight finish before run() returns.
  void stop();

 private:
  void install_routes();
  void install_hooks();

  ApiContext& context_;
  ServerOptions options_;
  std::unique_ptr<httplib::Server> server_;
  int port_ = 0;
};

}  // namespace servicedesk::host
