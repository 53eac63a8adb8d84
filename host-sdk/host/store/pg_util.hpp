// Small helpers shared by the PostgreSQL store's source files.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <pqxx/pqxx>

#include "store/activity_rows.hpp"
#include "store/store.hpp"

namespace servicedesk::host::pg {

/// Writes activity rows, inside the caller's transaction.
inline void insert_activity(pqxx::work& work, const std::vector<ActivityEntry>& rows) {
  for (const auto& entry : rows) {
    work.exec_params(
        "INSERT INTO activity(request_number, item_number, at, actor, kind, detail) "
        "VALUES ($1, $2, $3, $4, $5, $6)",
        entry.request_number, entry.item_number, entry.at_ms, entry.actor, entry.kind,
        entry.detail);
  }
}

/// Queues one mail in the outbox, with its activity row when it belongs to a request, inside
/// the caller's transaction.
inline void insert_outbox_mail(pqxx::work& work, const std::string& request_number,
                               const NewMail& mail, std::int64_t now) {
  work.exec_params(
      "INSERT INTO outbox(request_number, item_number, event, to_username, to_address, "
      "to_name, subject, body, next_attempt_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
      request_number, mail.item_number, mail.event, mail.to_username, mail.to_address, mail.to_name,
      mail.subject, mail.body, now);
  if (!request_number.empty())
    insert_activity(work, {activity::mail_queued(request_number, mail, now)});
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

/// Serializes the transactions that change one person's cart, across every host.
inline void lock_cart(pqxx::work& work, const std::string& username) {
  work.exec_params("SELECT pg_advisory_xact_lock(hashtext('cart:' || $1))", username);
}

}  // namespace servicedesk::host::pg
