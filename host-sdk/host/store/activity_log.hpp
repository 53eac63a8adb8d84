// A request's activity log: what happened to it, by whom and when, newest first.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace servicedesk::host {

/// One row of a request's activity log. Rows that record a store change are written in the
/// same transaction as the change; `detail` never holds a full phone number or a secret.
struct ActivityEntry {
  std::int64_t id = 0;
  std::string request_number;
  std::string item_number;  ///< empty for a row about the whole request
  std::int64_t at_ms = 0;
  std::string actor;  ///< a username, or "system" (the job worker, the mail worker)
  /// submitted, fulfilment_started, fulfilment_retried, fulfilled, rejected, failed,
  /// retry_scheduled, fulfilment_call, mail_queued, mail_sent, sensitive_viewed
  std::string kind;
  std::string detail;
};

/// The activity rows the store keeps per request.
class ActivityLog {
 public:
  virtual ~ActivityLog() = default;
  /// Records rows that belong to no other write (a view of sensitive answers); false when
  /// they could not be written.
  virtual bool record_activity(const std::vector<ActivityEntry>& entries) = 0;
  /// The request's rows, newest first (at most `limit`).
  virtual std::vector<ActivityEntry> activity(std::string_view request_number,
                                              std::size_t limit = 500) = 0;
};

/// The actor of rows written by the host's own workers.
inline constexpr std::string_view kSystemActor = "system";

}  // namespace servicedesk::host
