// Small helpers shared by the PostgreSQL store's source files.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <pqxx/pqxx>

#include "store/activity_rows.hpp"
#include "store/pg_statements.hpp"
#include "store/store.hpp"

namespace servicedesk::host::pg {

/// Rows for a statement parameter: a JSON array of arrays, read back in SQL with
/// `jsonb_array_elements`. Several rows then cost one statement, not one each.
inline std::string json_rows(const nlohmann::json& rows) {
  return rows.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

inline nlohmann::json activity_row(const ActivityEntry& entry) {
  return {entry.request_number, entry.item_number, entry.at_ms,
          entry.actor,          entry.kind,        entry.detail};
}

inline nlohmann::json activity_rows(const std::vector<ActivityEntry>& rows) {
  auto array = nlohmann::json::array();
  for (const auto& entry : rows) array.push_back(activity_row(entry));
  return array;
}

/// The mails of one request (or of none: `request_number` empty) with the activity row
/// each queued mail gets when it belongs to a request.
struct QueuedMails {
  nlohmann::json outbox = nlohmann::json::array();
  nlohmann::json activity = nlohmann::json::array();
};

inline QueuedMails queued_mails(const std::string& request_number,
                                const std::vector<NewMail>& mails, std::int64_t now) {
  QueuedMails queued;
  for (const auto& mail : mails) {
    queued.outbox.push_back({mail.item_number, mail.event, mail.to_username, mail.to_address,
                             mail.to_name, mail.subject, mail.body});
    if (!request_number.empty())
      queued.activity.push_back(activity_row(activity::mail_queued(request_number, mail, now)));
  }
  return queued;
}

/// INSERT of the activity rows in parameter `$rows` (activity_rows), in their order.
inline std::string insert_activity_sql(int rows) {
  return "INSERT INTO activity(request_number, item_number, at, actor, kind, detail) "
         "SELECT r->>0, r->>1, (r->>2)::BIGINT, r->>3, r->>4, r->>5 FROM jsonb_array_elements($" +
         std::to_string(rows) + "::JSONB) WITH ORDINALITY AS rows(r, n) ORDER BY n";
}

/// INSERT of the mails in parameter `$mails` (QueuedMails::outbox) for request `$request`,
/// due at `$now`, in their order: a request's mails are delivered in the order written.
inline std::string insert_outbox_sql(int request, int now, int mails) {
  return "INSERT INTO outbox(request_number, item_number, event, to_username, to_address, "
         "to_name, subject, body, next_attempt_at) SELECT $" +
         std::to_string(request) + ", m->>0, m->>1, m->>2, m->>3, m->>4, m->>5, m->>6, $" +
         std::to_string(now) + " FROM jsonb_array_elements($" + std::to_string(mails) +
         "::JSONB) WITH ORDINALITY AS rows(m, n) ORDER BY n";
}

/// Writes activity rows in one statement, inside the caller's transaction.
inline void insert_activity(pqxx::transaction_base& work, const std::vector<ActivityEntry>& rows) {
  if (!rows.empty()) work.exec_params(insert_activity_sql(1), json_rows(activity_rows(rows)));
}

/// Queues mails in the outbox, with their activity rows when they belong to a request, in one
/// statement inside the caller's transaction.
inline void insert_outbox_mails(pqxx::transaction_base& work, const std::string& request_number,
                                const std::vector<NewMail>& mails, std::int64_t now) {
  if (mails.empty()) return;
  const QueuedMails queued = queued_mails(request_number, mails, now);
  work.exec_params("WITH queued AS (" + insert_outbox_sql(1, 2, 3) + ") " + insert_activity_sql(4),
                   request_number, now, json_rows(queued.outbox), json_rows(queued.activity));
}

/// Queues the item's fulfilment job (a new row, or the old row of a failed item again).
inline void queue_job(pqxx::work& work, const std::string& number, const std::string& decided_by,
                      std::int64_t now) {
  work.exec_params(
      "INSERT INTO fulfilment_jobs(item_number, decided_by, next_attempt_at, created_at) "
      "VALUES ($1, $2, $3, $3) ON CONFLICT(item_number) DO UPDATE SET state = 'queued', "
      "decided_by = $2, attempts = 0, last_error = '', next_attempt_at = $3, claimed_by = '', "
      "lease_expires_at = 0, finished_at = NULL",
      number, decided_by, now);
}

/// Serializes the transactions that change one person's cart, across every host (the lock
/// ends with the transaction).
inline void lock_cart(pqxx::work& work, const std::string& username) {
  work.exec_prepared(statement::kLockCart, username);
}

}  // namespace servicedesk::host::pg
