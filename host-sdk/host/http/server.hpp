// The HTTP server: an event loop on Boost.Asio/Beast in front of the request pipeline.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>

#include "http/api_context.hpp"
#include "http/connection_limits.hpp"
#include "http/request_pipeline.hpp"

namespace servicedesk::host {

/// Certificate and key (PEM files) for HTTPS; both empty serves plain HTTP.
struct TlsFiles {
  std::filesystem::path cert_file;
  std::filesystem::path key_file;
  bool enabled() const { return !cert_file.empty() || !key_file.empty(); }
};

/// Listening address, threads and the limits that keep one client from hogging the host.
struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;                  ///< 0 picks a free port
  std::size_t threads = 0;          ///< event-loop threads; 0: one per core
  std::size_t worker_threads = 32;  ///< requests that may wait on the disk (writes)
  std::filesystem::path web_dir;    ///< the portal's static files; empty serves none
  ConnectionLimits limits;
  std::size_t max_connections = 10000;
  std::size_t max_connections_per_client = 1000;
  TlsFiles tls;
};

/// The API and portal server. Bind, then run on one thread and stop from another.
class ApiServer {
 public:
  ApiServer(ApiContext& context, ServerOptions options);
  ~ApiServer();
  ApiServer(const ApiServer&) = delete;
  ApiServer& operator=(const ApiServer&) = delete;

  /// Binds the listening socket (and loads the TLS files); false with `error` set when the
  /// address or the files are unusable.
  bool bind(std::string& error);
  /// The bound port.
  int port() const { return port_; }
  /// Serves until stop(); returns false when serving failed.
  bool run();
  /// Stops accepting; requests in flight finish before run() returns.
  void stop();

 private:
  struct Loop;
  ServerOptions options_;
  RequestPipeline pipeline_;
  std::unique_ptr<Loop> loop_;
  int port_ = 0;
};

}  // namespace servicedesk::host
