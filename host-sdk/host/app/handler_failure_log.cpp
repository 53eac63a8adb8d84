// Logs each handler failure once (plugin, handler, item, field path, exception text); counts it.
#include "app/handler_failure_log.hpp"

#include <spdlog/spdlog.h>

#include "http/log_escape.hpp"

namespace servicedesk::host {
namespace {

/// A Prometheus label value: backslash, quote and newline escaped.
std::string escaped_label_value(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\\' || c == '"') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out;
}

}  // namespace

void HandlerFailureLog::report(const HandlerFailure& failure) const noexcept {
  try {
    spdlog::error("handler failed: plugin '{}', {} '{}', item '{}', field '{}': {}",
                  log_safe(failure.plugin), failure.kind, log_safe(failure.handler),
                  log_safe(failure.item), log_safe(failure.path), log_safe(failure.what));
    std::lock_guard lock(mutex_);
    ++counts_[{std::string(failure.plugin), std::string(failure.kind),
               std::string(failure.handler)}];
  } catch (...) {
    // Logging must not turn a handled failure into a crash.
  }
}

std::string HandlerFailureLog::render() const {
  std::string out =
      "# HELP servicedesk_handler_failures_total Plugin handlers that threw or answered what the "
      "host cannot use.\n# TYPE servicedesk_handler_failures_total counter\n";
  std::lock_guard lock(mutex_);
  for (const auto& [key, count] : counts_) {
    const auto& [plugin, kind, handler] = key;
    out += "servicedesk_handler_failures_total{plugin=\"" + escaped_label_value(plugin) +
           "\",kind=\"" + escaped_label_value(kind) + "\",handler=\"" +
           escaped_label_value(handler) + "\"} " + std::to_string(count) + "\n";
  }
  return out;
}

std::uint64_t HandlerFailureLog::total() const {
  std::lock_guard lock(mutex_);
  std::uint64_t sum = 0;
  for (const auto& entry : counts_) sum += entry.second;
  return sum;
}

}  // namespace servicedesk::host
