// One client connection on the event loop (plain TCP or TLS): reads each request under
// deadlines and size limits, hands it to the pipeline, writes the answer.
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl/stream.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/string.hpp>
#include <boost/beast/http.hpp>

#include "http/connection_limiter.hpp"
#include "http/connection_limits.hpp"
#include "http/request_pipeline.hpp"

namespace servicedesk::host {

/// What every connection shares.
struct ConnectionShared {
  ConnectionLimits limits;
  const RequestPipeline& pipeline;
  boost::asio::thread_pool& workers;  ///< requests that may block run here
};

namespace detail {
using Tcp = boost::asio::ip::tcp::socket;
using Tls = boost::asio::ssl::stream<Tcp>;
inline Tcp& lowest(Tcp& stream) {
  return stream;
}
inline Tcp& lowest(Tls& stream) {
  return stream.next_layer();
}
void to_beast(Response& res, bool keep_alive, bool head_only,
              boost::beast::http::response<boost::beast::http::string_body>& out);
void from_beast(boost::beast::http::request<boost::beast::http::string_body>&& in, Request& req);
/// The status for a failed read (0: close without an answer).
int status_for_read_error(const boost::system::error_code& ec, bool timed_out);
void warn_connection_cap();
}  // namespace detail

template <class Stream>
class Connection : public std::enable_shared_from_this<Connection<Stream>> {
 public:
  /// Without a slot the connection only answers 503 (a cap was reached) and closes.
  Connection(Stream stream, ConnectionShared& shared, std::optional<ConnectionLimiter::Slot> slot)
      : stream_(std::move(stream)),
        shared_(shared),
        slot_(std::move(slot)),
        timer_(stream_.get_executor()) {}

  void start() {
    if constexpr (std::is_same_v<Stream, detail::Tls>) {
      arm(shared_.limits.head_timeout, Phase::idle);
      stream_.async_handshake(boost::asio::ssl::stream_base::server,
                              [self = this->shared_from_this()](boost::system::error_code ec) {
                                if (ec) return self->close();
                                self->admitted();
                              });
    } else {
      admitted();
    }
  }

 private:
  enum class Phase { idle, head, body, write, drain };
  using Parser = boost::beast::http::request_parser<boost::beast::http::string_body>;

  void admitted() {
    if (!slot_) {
      detail::warn_connection_cap();
      return refuse(503);
    }
    wait_for_request();
  }

  using Clock = std::chrono::steady_clock;

  /// Deadline for the current phase. The one timer is moved only when the new deadline comes
  /// before the time it is set to wake (a keep-alive request's later deadlines cost nothing:
  /// the timer wakes, finds the deadline moved on, and waits for it).
  void arm(std::chrono::milliseconds limit, Phase phase) {
    phase_ = phase;
    timed_out_ = false;
    deadline_ = Clock::now() + limit;
    if (!watching_ || deadline_ < wake_at_) watch();
  }

  /// No deadline while the request is being served; the timer, if set, wakes for nothing.
  void disarm() { deadline_ = Clock::time_point::max(); }

  void watch() {
    watching_ = true;
    wake_at_ = deadline_;
    const unsigned armed = ++generation_;
    timer_.expires_at(wake_at_);  // voids an earlier wait
    timer_.async_wait([self = this->shared_from_this(), armed](boost::system::error_code ec) {
      if (ec || armed != self->generation_) return;
      self->watching_ = false;
      if (self->deadline_ == Clock::time_point::max()) return;
      if (Clock::now() < self->deadline_) return self->watch();
      self->timed_out_ = true;
      boost::system::error_code ignored;
      if (self->phase_ == Phase::head || self->phase_ == Phase::body)
        detail::lowest(self->stream_).cancel(ignored);  // the read ends; 408 follows
      else
        self->close();
    });
  }

  void wait_for_request() {
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(shared_.limits.max_header_bytes));
    parser_->body_limit(shared_.limits.max_body_bytes);
    if (buffer_.size() > 0) return read_head();              // a pipelined request is already here
    if (buffer_.capacity() > 8192) buffer_.shrink_to_fit();  // idle costs little memory
    arm(shared_.limits.idle_timeout, Phase::idle);
    stream_.async_read_some(
        buffer_.prepare(4096),
        [self = this->shared_from_this()](boost::system::error_code ec, std::size_t size) {
          if (ec) return self->close();
          self->buffer_.commit(size);
          self->read_head();
        });
  }

  void read_head() {
    arm(shared_.limits.head_timeout, Phase::head);
    boost::beast::http::async_read_header(
        stream_, buffer_, *parser_,
        [self = this->shared_from_this()](boost::system::error_code ec, std::size_t) {
          if (ec) return self->read_failed(ec);
          if (self->parser_->is_done()) return self->handle_request();
          self->arm(self->shared_.limits.body_timeout, Phase::body);
          if (!boost::beast::iequals(self->parser_->get()[boost::beast::http::field::expect],
                                     "100-continue"))
            return self->read_body();
          // The client waits for this before it sends the body (curl does beyond 1 KiB).
          static constexpr char kContinue[] = "HTTP/1.1 100 Continue\r\n\r\n";
          boost::asio::async_write(self->stream_,
                                   boost::asio::buffer(kContinue, sizeof kContinue - 1),
                                   [self](boost::system::error_code write_ec, std::size_t) {
                                     if (write_ec) return self->close();
                                     self->read_body();
                                   });
        });
  }

  void read_body() {
    boost::beast::http::async_read(
        stream_, buffer_, *parser_,
        [self = this->shared_from_this()](boost::system::error_code ec, std::size_t) {
          if (ec) return self->read_failed(ec);
          self->handle_request();
        });
  }

  void read_failed(const boost::system::error_code& ec) {
    const int status = detail::status_for_read_error(ec, timed_out_);
    if (status == 0) return close();
    refuse(status);
  }

  void handle_request() {
    disarm();
    keep_alive_ = parser_->get().keep_alive();
    request_ = Request{};
    response_ = Response{};
    detail::from_beast(parser_->release(), request_);
    request_.remote_addr = peer_address();
    head_only_ = request_.method == "HEAD";
    if (!RequestPipeline::may_block(request_)) {
      shared_.pipeline.serve(request_, response_);
      return write_response();
    }
    boost::asio::post(shared_.workers, [self = this->shared_from_this()] {
      self->shared_.pipeline.serve(self->request_, self->response_);
      boost::asio::post(self->stream_.get_executor(), [self] { self->write_response(); });
    });
  }

  void write_response() {
    out_ = {};
    detail::to_beast(response_, keep_alive_, head_only_, out_);
    arm(shared_.limits.write_timeout, Phase::write);
    boost::beast::http::async_write(
        stream_, out_,
        [self = this->shared_from_this()](boost::system::error_code ec, std::size_t) {
          self->disarm();
          if (ec || !self->keep_alive_) return self->close();
          self->request_ = Request{};
          self->response_ = Response{};
          self->out_ = {};
          self->wait_for_request();
        });
  }

  /// Answers `status` without routing, then closes (reading what the client still sends
  /// for a moment, so it sees the answer rather than a reset).
  void refuse(int status) {
    std::string method;
    std::string target;
    if (parser_ && parser_->is_header_done()) {
      method = std::string(parser_->get().method_string());
      target = std::string(parser_->get().target());
    }
    if (status != 503) shared_.pipeline.record_refusal(method, target, status);
    response_ = Response{};
    response_.status = status;
    response_.set_content(refusal_body(status), "application/json; charset=utf-8");
    response_.set_header("X-Content-Type-Options", "nosniff");
    response_.set_header("Cache-Control", "no-store");
    if (status == 503)
      response_.set_header("Retry-After", std::to_string(shared_.limits.retry_after_seconds));
    out_ = {};
    detail::to_beast(response_, false, false, out_);
    arm(shared_.limits.write_timeout, Phase::write);
    boost::beast::http::async_write(
        stream_, out_,
        [self = this->shared_from_this()](boost::system::error_code ec, std::size_t) {
          if (ec) return self->close();
          boost::system::error_code ignored;
          detail::lowest(self->stream_).shutdown(boost::asio::socket_base::shutdown_send, ignored);
          self->arm(std::chrono::milliseconds(1000), Phase::drain);
          self->drain();
        });
  }

  /// Reads and drops up to 1 MiB for at most a second after a refusal.
  void drain() {
    buffer_.consume(buffer_.size());
    detail::lowest(stream_).async_read_some(
        buffer_.prepare(16384),
        [self = this->shared_from_this()](boost::system::error_code ec, std::size_t size) {
          self->drained_ += size;
          if (ec || self->drained_ > 1024 * 1024) return self->close();
          self->drain();
        });
  }

  /// The client's address, asked of the socket once per connection (a system call).
  const std::string& peer_address() {
    if (peer_address_.empty()) {
      boost::system::error_code ignored;
      const auto peer = detail::lowest(stream_).remote_endpoint(ignored);
      if (!ignored) peer_address_ = peer.address().to_string();
    }
    return peer_address_;
  }

  void close() {
    disarm();
    ++generation_;
    watching_ = false;
    timer_.cancel();  // lets go of the connection
    boost::system::error_code ignored;
    auto& socket = detail::lowest(stream_);
    if (!socket.is_open()) return;
    socket.shutdown(boost::asio::socket_base::shutdown_both, ignored);
    socket.close(ignored);
  }

  Stream stream_;
  ConnectionShared& shared_;
  std::optional<ConnectionLimiter::Slot> slot_;
  boost::asio::steady_timer timer_;
  unsigned generation_ = 0;
  Clock::time_point deadline_ = Clock::time_point::max();
  Clock::time_point wake_at_ = Clock::time_point::max();
  bool watching_ = false;
  Phase phase_ = Phase::idle;
  bool timed_out_ = false;
  bool keep_alive_ = false;
  bool head_only_ = false;
  std::size_t drained_ = 0;
  std::string peer_address_;
  boost::beast::flat_buffer buffer_;
  std::optional<Parser> parser_;
  Request request_;
  Response response_;
  boost::beast::http::response<boost::beast::http::string_body> out_;
};

}  // namespace servicedesk::host
