// Small helpers shared by the PostgreSQL store's source files.
#pragma once

#include <cstdint>
#include <string>

#include <pqxx/pqxx>

#include "store/store.hpp"

namespace servicedesk::host::pg {

/// Queues one mail in the outbox, inside the caller's transaction.
inline void insert_outbox_mail(pqxx::work& work, const std::string& request_number,
                               const NewMail& mail, std::int64_t now) {
  work.exec_params(
      "INSERT INTO outbox(request_number, item_number, event, to_username, to_address, "
      "to_name, subject, body, next_attempt_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
      request_number, mail.item_number, mail.event, mail.to_username, mail.to_address, mail.to_name,
      mail.subject, mail.body, now);
}

/// Serializes the transactions that change one person's cart, across every host.
inline void lock_cart(pqxx::work& work, const std::string& username) {
  work.exec_params("SELECT pg_advisory_xact_lock(hashtext('cart:' || $1))", username);
}

}  // namespace servicedesk::host::pg
