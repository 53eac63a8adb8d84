// The host's HandlerFailureSink: logs each handler failure once and counts it for /metrics.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <tuple>

#include "servicedesk/forms/handler_failures.hpp"

namespace servicedesk::host {

/// Thread-safe: handlers fail on any request thread.
class HandlerFailureLog final : public HandlerFailureSink {
 public:
  /// Logs `plugin`, handler, item, field path and the exception's text as one error line.
  void report(const HandlerFailure& failure) const noexcept override;
  /// `servicedesk_handler_failures_total{plugin,kind,handler}` in the Prometheus format.
  std::string render() const;
  /// How many failures were reported in all.
  std::uint64_t total() const;

 private:
  mutable std::mutex mutex_;
  mutable std::map<std::tuple<std::string, std::string, std::string>, std::uint64_t> counts_;
};

}  // namespace servicedesk::host
