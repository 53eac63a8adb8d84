// The event loop: listening socket, accept loop, connection caps, threads, orderly stop.
#include "http/server.hpp"

#include <sys/resource.h>

#include <thread>
#include <vector>

#include <spdlog/spdlog.h>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/strand.hpp>

#include "http/connection.hpp"
#include "http/tls_context.hpp"

namespace servicedesk::host {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;

/// Everything that lives only while serving: the io_context, its threads' work, the acceptor.
struct ApiServer::Loop {
  Loop(const ServerOptions& options, const RequestPipeline& pipeline)
      : limiter(options.max_connections, options.max_connections_per_client),
        workers(options.worker_threads == 0 ? 1 : options.worker_threads),
        shared{options.limits, pipeline, workers} {}

  void accept() {
    acceptor.async_accept(asio::make_strand(io),
                          [this](boost::system::error_code ec, tcp::socket socket) {
                            if (ec == asio::error::operation_aborted || !acceptor.is_open()) return;
                            if (ec) {
                              // Out of file descriptors (or a like failure): pause instead of
                              // spinning.
                              spdlog::warn("accept failed: {}; retrying shortly", ec.message());
                              retry.expires_after(std::chrono::milliseconds(100));
                              retry.async_wait([this](boost::system::error_code wait_ec) {
                                if (!wait_ec) accept();
                              });
                              return;
                            }
                            admit(std::move(socket));
                            accept();
                          });
  }

  void admit(tcp::socket socket) {
    boost::system::error_code ec;
    socket.set_option(tcp::no_delay(true), ec);
    const auto peer = socket.remote_endpoint(ec);
    if (ec) return;  // already gone
    auto slot = limiter.try_acquire(peer.address().to_string());
    if (tls) {
      std::make_shared<Connection<detail::Tls>>(detail::Tls(std::move(socket), *tls), shared,
                                                std::move(slot))
          ->start();
    } else {
      std::make_shared<Connection<detail::Tcp>>(std::move(socket), shared, std::move(slot))
          ->start();
    }
  }

  ConnectionLimiter limiter;
  asio::thread_pool workers;
  ConnectionShared shared;
  std::unique_ptr<asio::ssl::context> tls;
  asio::io_context io;
  tcp::acceptor acceptor{io};
  asio::steady_timer retry{io};
};

namespace {

/// Raises the open-file limit to its hard maximum: each connection holds a descriptor.
void raise_file_limit(std::size_t wanted) {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) != 0) return;
  if (limit.rlim_cur < limit.rlim_max) {
    limit.rlim_cur = limit.rlim_max;
    setrlimit(RLIMIT_NOFILE, &limit);
  }
  if (limit.rlim_cur != RLIM_INFINITY && limit.rlim_cur < wanted + 64)
    spdlog::warn(
        "open-file limit {} is below http.max_connections {}: beyond it, new "
        "connections wait in the listen queue",
        limit.rlim_cur, wanted);
}

std::optional<tcp::endpoint> resolve(const std::string& host, int port, std::string& error) {
  boost::system::error_code ec;
  const auto address = asio::ip::make_address(host, ec);
  if (!ec) return tcp::endpoint(address, static_cast<unsigned short>(port));
  asio::io_context io;
  tcp::resolver resolver(io);
  const auto results = resolver.resolve(host, std::to_string(port), ec);
  if (ec || results.empty()) {
    error = "cannot resolve " + host + ": " + (ec ? ec.message() : "no address");
    return std::nullopt;
  }
  return results.begin()->endpoint();
}

}  // namespace

ApiServer::ApiServer(ApiContext& context, ServerOptions options)
    : options_(std::move(options)), pipeline_(context, options_.web_dir) {
  if (!options_.web_dir.empty() && !std::filesystem::is_directory(options_.web_dir))
    spdlog::warn("portal folder {} not found; serving the API only", options_.web_dir.string());
  loop_ = std::make_unique<Loop>(options_, pipeline_);
}

ApiServer::~ApiServer() = default;

bool ApiServer::bind(std::string& error) {
  if (options_.tls.enabled()) {
    loop_->tls = make_tls_context(options_.tls.cert_file, options_.tls.key_file, error);
    if (!loop_->tls) return false;
  }
  const auto endpoint = resolve(options_.host, options_.port, error);
  if (!endpoint) return false;
  raise_file_limit(options_.max_connections);
  boost::system::error_code ec;
  auto& acceptor = loop_->acceptor;
  acceptor.open(endpoint->protocol(), ec);
  // SO_REUSEADDR only (not SO_REUSEPORT): a second host on the same port must fail to start.
  if (!ec) acceptor.set_option(tcp::acceptor::reuse_address(true), ec);
  if (!ec) acceptor.bind(*endpoint, ec);
  if (!ec) acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    error = "cannot listen on " + options_.host + ":" + std::to_string(options_.port) + ": ";
    error += ec == asio::error::address_in_use
                 ? "the port is already in use (another program, or another servicedesk-host, "
                   "listens there); stop it or choose another port with --listen"
                 : ec.message();
    return false;
  }
  port_ = acceptor.local_endpoint().port();
  return true;
}

bool ApiServer::run() {
  const std::size_t threads =
      options_.threads != 0 ? options_.threads : std::max(1u, std::thread::hardware_concurrency());
  loop_->accept();
  std::vector<std::thread> extra;
  for (std::size_t i = 1; i < threads; ++i) extra.emplace_back([this] { loop_->io.run(); });
  loop_->io.run();
  for (auto& thread : extra) thread.join();
  return true;
}

void ApiServer::stop() {
  asio::post(loop_->io, [this] {
    boost::system::error_code ignored;
    loop_->acceptor.close(ignored);
  });
  // Requests waiting on the disk finish and hand their answers back to the loop, which
  // gets a moment to write them; idle connections are then dropped with the loop.
  loop_->workers.join();
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  loop_->io.stop();
}

}  // namespace servicedesk::host
