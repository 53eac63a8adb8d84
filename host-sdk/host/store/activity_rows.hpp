// The activity rows both store backends write with a change, built in one place.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "jobs/job_queue.hpp"
#include "store/activity_log.hpp"
#include "store/store.hpp"

namespace servicedesk::host::activity {

inline ActivityEntry row(const std::string& request_number, const std::string& item_number,
                         std::int64_t now, std::string actor, std::string kind,
                         std::string detail) {
  return {
      0, request_number, item_number, now, std::move(actor), std::move(kind), std::move(detail)};
}

/// The rows of one item written at checkout: submitted, and its job started when it is
/// fulfilled without a staff decision.
inline std::vector<ActivityEntry> submitted(const std::string& request_number,
                                            const std::string& item_number,
                                            const std::string& opened_by,
                                            const NewRequestItem& item, std::int64_t now) {
  std::vector<ActivityEntry> rows{
      row(request_number, item_number, now, opened_by, "submitted", item.item_name)};
  if (item.fulfil_at_checkout)
    rows.push_back(row(request_number, item_number, now, "automatic", "fulfilment_started",
                       "fulfilled without a staff decision"));
  return rows;
}

/// A state change by a person: a decision (fulfilled, rejected) or a job started or retried.
inline ActivityEntry decided(const std::string& request_number, const std::string& item_number,
                             std::int64_t now, const std::string& actor, const std::string& kind,
                             const std::string& detail) {
  return row(request_number, item_number, now, actor, kind, detail);
}

/// "submitted mail queued for newhire" (never the subject or body, which are the mail's).
inline ActivityEntry mail_queued(const std::string& request_number, const NewMail& mail,
                                 std::int64_t now) {
  return row(request_number, mail.item_number, now, std::string(kSystemActor), "mail_queued",
             mail.event + " mail to " + mail.to_username);
}

/// A job run's outcome row (`kind`: fulfilled, retry_scheduled, failed) and one row per
/// external call it reported, the calls first so that the outcome reads on top.
inline std::vector<ActivityEntry> job_ran(const std::string& request_number,
                                          const std::string& item_number, std::int64_t now,
                                          const char* kind, const JobReport& report) {
  std::vector<ActivityEntry> rows;
  for (const auto& call : report.calls)
    rows.push_back(
        row(request_number, item_number, now, std::string(kSystemActor), "fulfilment_call", call));
  rows.push_back(
      row(request_number, item_number, now, std::string(kSystemActor), kind, report.message));
  return rows;
}

}  // namespace servicedesk::host::activity
