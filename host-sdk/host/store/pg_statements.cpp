// The SQL of the PostgreSQL store's prepared statements.
#include "store/pg_statements.hpp"

#include "store/pg_util.hpp"

namespace servicedesk::host::pg {

std::vector<std::pair<std::string, std::string>> prepared_statements() {
  return {
      // Serializes the transactions that change one person's cart, across every host.
      {statement::kLockCart, "SELECT pg_advisory_xact_lock(hashtext('cart:' || $1))"},
      {statement::kCartLines,
       "SELECT id, item_id, answers, summary, created_at FROM cart_lines WHERE username = $1 "
       "ORDER BY id"},
      {statement::kCartLineIds, "SELECT id FROM cart_lines WHERE username = $1 ORDER BY id"},
      {statement::kAddCartLine,
       "INSERT INTO cart_lines(username, item_id, answers, summary, created_at) "
       "VALUES ($1, $2, $3, $4, $5) RETURNING id"},
      {statement::kReserveNumbers,
       "SELECT nextval('req_numbers'), (SELECT array_agg(nextval('ritm_numbers')) "
       "FROM generate_series(1, $1))::TEXT"},
      // The whole request in one statement: $1 number, $2 opened by, $3 requested for,
      // $4 special instructions, $5 now, $6 items, $7 the item numbers fulfilled at checkout,
      // $8 mails (QueuedMails::outbox), $9 activity rows; and the cart emptied.
      {statement::kCheckout,
       "WITH request AS (INSERT INTO requests(number, opened_by, requested_for, "
       "special_instructions, created_at) VALUES ($1, $2, $3, $4, $5)), "
       "items AS (INSERT INTO request_items(number, request_number, position, item_id, "
       "item_name, answers, summary, state, form_version_id) SELECT r->>0, $1, (r->>1)::INT, "
       "r->>2, r->>3, r->>4, r->>5, r->>6, (r->>7)::BIGINT FROM jsonb_array_elements($6::JSONB) "
       "AS rows(r)), "
       "jobs AS (INSERT INTO fulfilment_jobs(item_number, decided_by, next_attempt_at, "
       "created_at) SELECT number, 'automatic', $5, $5 FROM jsonb_array_elements_text($7::JSONB) "
       "AS rows(number)), "
       "mails AS (" +
           insert_outbox_sql(1, 5, 8) + "), logged AS (" + insert_activity_sql(9) +
           ") DELETE FROM cart_lines WHERE username = $2"},
      // Claims what no live lease holds; other hosts skip the rows this one has locked. A
      // request's mails reach each recipient in the order they were written: a mail waits
      // while an earlier one of its request to the same address waits for its retry or is
      // held by another claim. $1 owner, $2 lease end, $3 now, $4 limit.
      {statement::kClaimDueMail,
       "UPDATE outbox SET lease_owner = $1, lease_until = $2 WHERE id IN ("
       "SELECT id FROM outbox o WHERE NOT sent AND next_attempt_at <= $3 AND lease_until < $3 "
       "AND NOT EXISTS (SELECT 1 FROM outbox e WHERE e.request_number = o.request_number AND "
       "e.request_number <> '' AND e.to_address = o.to_address AND NOT e.sent AND e.id < o.id "
       "AND (e.next_attempt_at > $3 OR e.lease_until >= $3)) "
       "ORDER BY id LIMIT $4 FOR UPDATE SKIP LOCKED) "
       "RETURNING id, request_number, to_address, to_name, subject, body, attempts"},
      // Marks mail $3 sent at $1 and logs it, by actor $2, on its request's activity.
      {statement::kMarkSent,
       "WITH sent AS (UPDATE outbox SET sent = true, sent_at = $1, attempts = attempts + 1, "
       "last_error = '', lease_owner = '', lease_until = 0 WHERE id = $3 "
       "RETURNING request_number, item_number, event, to_username) "
       "INSERT INTO activity(request_number, item_number, at, actor, kind, detail) "
       "SELECT request_number, item_number, $1, $2, 'mail_sent', "
       "event || ' mail to ' || to_username FROM sent WHERE request_number <> ''"},
      {statement::kFindSession,
       "SELECT key, username, csrf_token, last_used FROM sessions "
       "WHERE key = $1 AND last_used >= $2"},
  };
}

}  // namespace servicedesk::host::pg
