// The batched access log: a standard-output sink without a flush per line, and its flusher.
#include "http/access_log.hpp"

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <memory>
#include <mutex>
#include <thread>

#include <spdlog/sinks/base_sink.h>
#include <spdlog/spdlog.h>

namespace servicedesk::host {
namespace {

constexpr auto kFlushInterval = std::chrono::milliseconds(100);

/// Writes formatted lines into standard output's buffer; `flush_` empties it.
class BatchedStdoutSink final : public spdlog::sinks::base_sink<std::mutex> {
 public:
  /// Takes the flag that tells the flusher there is something to write.
  bool take_unflushed() { return unflushed_.exchange(false, std::memory_order_acq_rel); }

 protected:
  void sink_it_(const spdlog::details::log_msg& message) override {
    spdlog::memory_buf_t line;
    formatter_->format(message, line);
    std::fwrite(line.data(), 1, line.size(), stdout);
    unflushed_.store(true, std::memory_order_release);
  }
  void flush_() override { std::fflush(stdout); }

 private:
  std::atomic<bool> unflushed_{false};
};

/// The logger and the thread that flushes it while the process lives.
class BatchedAccessLog {
 public:
  BatchedAccessLog()
      : sink_(std::make_shared<BatchedStdoutSink>()),
        logger_(std::make_shared<spdlog::logger>("", sink_)) {
    logger_->set_level(spdlog::get_level());
    if (::isatty(STDOUT_FILENO) != 0) {
      logger_->flush_on(spdlog::level::trace);  // someone is watching: no batching
      return;
    }
    flusher_ = std::jthread([this](std::stop_token stop) { flush_until(stop); });
  }
  ~BatchedAccessLog() {
    flusher_ = {};  // asks the flusher to stop and joins it
    std::fflush(stdout);
  }
  BatchedAccessLog(const BatchedAccessLog&) = delete;
  BatchedAccessLog& operator=(const BatchedAccessLog&) = delete;

  spdlog::logger& logger() { return *logger_; }

 private:
  void flush_until(const std::stop_token& stop) {
    std::mutex mutex;
    std::condition_variable_any wake;
    std::unique_lock lock(mutex);
    while (!stop.stop_requested()) {
      wake.wait_for(lock, stop, kFlushInterval, [] { return false; });
      if (sink_->take_unflushed()) std::fflush(stdout);
    }
  }

  std::shared_ptr<BatchedStdoutSink> sink_;
  std::shared_ptr<spdlog::logger> logger_;
  std::jthread flusher_;
};

}  // namespace

spdlog::logger& access_log() {
  static BatchedAccessLog log;
  return log.logger();
}

}  // namespace servicedesk::host
