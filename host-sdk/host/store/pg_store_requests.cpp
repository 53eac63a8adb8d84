// PostgreSQL: requests and their items, staff decisions, the leased outbox, and sessions.
#include <spdlog/spdlog.h>

#include "store/pg_statements.hpp"
#include "store/pg_store.hpp"
#include "store/pg_util.hpp"
#include "store/sql_util.hpp"

namespace servicedesk::host {
namespace {

constexpr const char* kItemColumns =
    "SELECT i.number, i.request_number, i.item_id, i.item_name, i.answers, i.summary, i.state, "
    "i.decided_by, i.reason, r.opened_by, r.requested_for, r.special_instructions, "
    "COALESCE(j.attempts, 0), COALESCE(j.last_error, ''), COALESCE(j.next_attempt_at, 0), "
    "r.created_at, COALESCE(v.fields, '') "
    "FROM request_items i JOIN requests r ON r.number = i.request_number "
    "LEFT JOIN fulfilment_jobs j ON j.item_number = i.number "
    "LEFT JOIN form_versions v ON v.id = i.form_version_id ";

/// The filters of a queue query, shared by its page and its count (bound as $1..$5).
constexpr const char* kQueueFilter =
    "WHERE i.state IN (SELECT jsonb_array_elements_text($1::jsonb)) AND "
    "($2 = '' OR i.item_id = $2) AND ($3::bigint = 0 OR r.created_at < $3::bigint) AND "
    "($4 = '' OR i.number = $4 OR i.request_number = $4) AND ($5 = '[]' OR "
    "r.opened_by IN (SELECT jsonb_array_elements_text($5::jsonb)) OR "
    "r.requested_for IN (SELECT jsonb_array_elements_text($5::jsonb))) ";

RequestItemRecord read_item(const pqxx::row& row) {
  RequestItemRecord item;
  item.number = row[0].as<std::string>();
  item.request_number = row[1].as<std::string>();
  item.item_id = row[2].as<std::string>();
  item.item_name = row[3].as<std::string>();
  item.answers = nlohmann::json::parse(row[4].as<std::string>(), nullptr, false);
  item.summary = row[5].as<std::string>();
  item.state = row[6].as<std::string>();
  item.decided_by = row[7].as<std::string>();
  item.reason = row[8].as<std::string>();
  item.opened_by = row[9].as<std::string>();
  item.requested_for = row[10].as<std::string>();
  item.special_instructions = row[11].as<std::string>();
  item.attempts = row[12].as<int>();
  if (item.state == "fulfilling") {
    item.last_error = row[13].as<std::string>();
    item.next_attempt_at_ms = row[14].as<std::int64_t>();
  }
  item.created_at_ms = row[15].as<std::int64_t>();
  const auto fields = row[16].as<std::string>();
  if (!fields.empty()) item.form_fields = nlohmann::json::parse(fields, nullptr, false);
  return item;
}

RequestRecord read_request(const pqxx::row& row) {
  RequestRecord request;
  request.number = row[0].as<std::string>();
  request.opened_by = row[1].as<std::string>();
  request.requested_for = row[2].as<std::string>();
  request.special_instructions = row[3].as<std::string>();
  request.created_at_ms = row[4].as<std::int64_t>();
  return request;
}

std::vector<RequestItemRecord> items_of(pqxx::transaction_base& work,
                                        const std::string& request_number) {
  std::vector<RequestItemRecord> items;
  for (const auto& row : work.exec_params(
           std::string(kItemColumns) + "WHERE i.request_number = $1 ORDER BY i.position",
           request_number))
    items.push_back(read_item(row));
  return items;
}

std::vector<NotificationRecord> notifications_of(pqxx::transaction_base& work,
                                                 const std::string& request_number) {
  std::vector<NotificationRecord> records;
  for (const auto& row : work.exec_params(
           "SELECT id, item_number, event, to_username, to_address, subject, sent, attempts, "
           "last_error FROM outbox WHERE request_number = $1 ORDER BY id",
           request_number)) {
    NotificationRecord record;
    record.id = row[0].as<std::int64_t>();
    record.item_number = row[1].as<std::string>();
    record.event = row[2].as<std::string>();
    record.to_username = row[3].as<std::string>();
    record.to_address = row[4].as<std::string>();
    record.subject = row[5].as<std::string>();
    record.attempts = row[7].as<int>();
    record.last_error = row[8].as<std::string>();
    record.state = row[6].as<bool>()     ? DeliveryState::sent
                   : record.attempts > 0 ? DeliveryState::failed_retrying
                                         : DeliveryState::pending;
    records.push_back(std::move(record));
  }
  return records;
}

constexpr const char* kRequestColumns =
    "SELECT number, opened_by, requested_for, special_instructions, created_at FROM requests ";

}  // namespace

std::vector<RequestRecord> PgStore::requests_for(std::string_view username) {
  return pool_.run([&](pqxx::connection& connection) {
    pqxx::read_transaction work(connection);
    std::vector<RequestRecord> requests;
    for (const auto& row : work.exec_params(std::string(kRequestColumns) +
                                                "WHERE opened_by = $1 OR requested_for = $1 "
                                                "ORDER BY number DESC LIMIT 200",
                                            std::string(username)))
      requests.push_back(read_request(row));
    for (auto& request : requests) request.items = items_of(work, request.number);
    return requests;
  });
}

std::optional<RequestRecord> PgStore::request(std::string_view number) {
  return pool_.run([&](pqxx::connection& connection) -> std::optional<RequestRecord> {
    pqxx::read_transaction work(connection);
    const auto rows =
        work.exec_params(std::string(kRequestColumns) + "WHERE number = $1", std::string(number));
    if (rows.empty()) return std::nullopt;
    RequestRecord request = read_request(rows[0]);
    request.items = items_of(work, request.number);
    request.notifications = notifications_of(work, request.number);
    return request;
  });
}

std::optional<RequestItemRecord> PgStore::request_item(std::string_view number) {
  return pool_.run([&](pqxx::connection& connection) -> std::optional<RequestItemRecord> {
    pqxx::nontransaction work(connection);
    const auto rows =
        work.exec_params(std::string(kItemColumns) + "WHERE i.number = $1", std::string(number));
    if (rows.empty()) return std::nullopt;
    return read_item(rows[0]);
  });
}

std::vector<RequestItemRecord> PgStore::open_items() {
  return pool_.run([&](pqxx::connection& connection) {
    pqxx::nontransaction work(connection);
    std::vector<RequestItemRecord> items;
    for (const auto& row :
         work.exec(std::string(kItemColumns) +
                   "WHERE i.state IN ('open', 'fulfilling', 'failed') ORDER BY i.number"))
      items.push_back(read_item(row));
    return items;
  });
}

QueuePage PgStore::queue(const QueueQuery& filter) {
  const std::string states = nlohmann::json(filter.states).dump();
  const std::string people = nlohmann::json(filter.people).dump();
  return pool_.run([&](pqxx::connection& connection) {
    pqxx::read_transaction work(connection);
    QueuePage page;
    page.total = work.exec_params(std::string("SELECT COUNT(*) FROM request_items i JOIN "
                                              "requests r ON r.number = i.request_number ") +
                                      kQueueFilter,
                                  states, filter.item_id, filter.created_before_ms, filter.number,
                                  people)[0][0]
                     .as<std::size_t>();
    for (const auto& row : work.exec_params(
             std::string(kItemColumns) + kQueueFilter +
                 (filter.newest_first ? "ORDER BY r.created_at DESC, i.number DESC "
                                      : "ORDER BY r.created_at, i.number ") +
                 "LIMIT $6 OFFSET $7",
             states, filter.item_id, filter.created_before_ms, filter.number, people,
             static_cast<long long>(filter.limit), static_cast<long long>(filter.offset)))
      page.items.push_back(read_item(row));
    return page;
  });
}

bool PgStore::record_activity(const std::vector<ActivityEntry>& entries) try {
  write_statement([&](pqxx::nontransaction& work) { pg::insert_activity(work, entries); });
  return true;
} catch (const std::exception& e) {
  spdlog::error("store: recording activity failed: {}", e.what());
  return false;
}

std::vector<ActivityEntry> PgStore::activity(std::string_view request_number, std::size_t limit) {
  return pool_.run([&](pqxx::connection& connection) {
    pqxx::nontransaction work(connection);
    std::vector<ActivityEntry> rows;
    for (const auto& row : work.exec_params(
             "SELECT id, request_number, item_number, at, actor, kind, detail FROM activity "
             "WHERE request_number = $1 ORDER BY id DESC LIMIT $2",
             std::string(request_number), static_cast<long long>(limit))) {
      rows.push_back({row[0].as<std::int64_t>(), row[1].as<std::string>(), row[2].as<std::string>(),
                      row[3].as<std::int64_t>(), row[4].as<std::string>(), row[5].as<std::string>(),
                      row[6].as<std::string>()});
    }
    return rows;
  });
}

std::vector<FormVersionRecord> PgStore::form_versions(std::string_view item_id, std::size_t limit) {
  return pool_.run([&](pqxx::connection& connection) {
    pqxx::nontransaction work(connection);
    std::vector<FormVersionRecord> rows;
    for (const auto& row : work.exec_params(
             "SELECT v.content_hash, v.loaded_at, COUNT(i.number) FROM form_versions v "
             "LEFT JOIN request_items i ON i.form_version_id = v.id WHERE v.item_id = $1 "
             "GROUP BY v.id ORDER BY v.loaded_at DESC, v.id DESC LIMIT $2",
             std::string(item_id), static_cast<long long>(limit))) {
      rows.push_back({row[0].as<std::string>(), row[1].as<std::int64_t>(),
                      static_cast<std::size_t>(row[2].as<std::int64_t>())});
    }
    return rows;
  });
}

StoreError PgStore::decide(const ItemDecision& decision) {
  try {
    const bool decided = write([&](pqxx::work& work) {
      const std::int64_t now = sql::now_ms();
      const auto rows = work.exec_params(
          "UPDATE request_items SET state = $1, decided_by = $2, reason = $3, decided_at = $4 "
          "WHERE number = $5 AND (state = 'open' OR (state = 'failed' AND $1 = 'rejected')) "
          "RETURNING request_number",
          decision.state, decision.decided_by, decision.reason, now, decision.item_number);
      if (rows.empty()) return false;
      const std::string request_number = rows[0][0].as<std::string>();
      pg::insert_activity(
          work, {activity::decided(request_number, decision.item_number, now, decision.decided_by,
                                   decision.state, decision.reason)});
      work.exec_params(
          "UPDATE fulfilment_jobs SET state = 'cancelled', finished_at = $1 "
          "WHERE item_number = $2 AND state = 'failed'",
          now, decision.item_number);
      pg::insert_outbox_mails(work, request_number, decision.mails, now);
      return true;
    });
    return decided ? StoreError::none : StoreError::conflict;
  } catch (const std::exception& e) {
    spdlog::error("store: recording a decision failed: {}", e.what());
    return StoreError::failed;
  }
}

std::vector<OutboxMessage> PgStore::due(std::chrono::system_clock::time_point now,
                                        std::size_t limit) {
  // The delivery worker calls these four; a database problem must not kill its thread.
  try {
    return claim_due_mail(now, limit);
  } catch (const std::exception& e) {
    spdlog::error("store: claiming mail from the outbox failed: {}", e.what());
    return {};
  }
}

std::vector<OutboxMessage> PgStore::claim_due_mail(std::chrono::system_clock::time_point now,
                                                   std::size_t limit) {
  const std::int64_t now_ms = sql::to_ms(now);
  const std::int64_t until = now_ms + std::chrono::milliseconds(mail_lease_).count();
  return write_statement([&](pqxx::nontransaction& work) {
    const auto rows = work.exec_prepared(pg::statement::kClaimDueMail, lease_owner_, until, now_ms,
                                         static_cast<long long>(limit));
    std::vector<OutboxMessage> messages;
    for (const auto& row : rows) {
      OutboxMessage message;
      message.id = row[0].as<std::int64_t>();
      message.request_number = row[1].as<std::string>();
      message.to_address = row[2].as<std::string>();
      message.to_name = row[3].as<std::string>();
      message.subject = row[4].as<std::string>();
      message.body = row[5].as<std::string>();
      message.attempts = row[6].as<int>();
      messages.push_back(std::move(message));
    }
    std::sort(messages.begin(), messages.end(),
              [](const auto& a, const auto& b) { return a.id < b.id; });
    return messages;
  });
}

void PgStore::mark_sent(std::int64_t id, std::chrono::system_clock::time_point when) try {
  write_statement([&](pqxx::nontransaction& work) {
    work.exec_prepared(pg::statement::kMarkSent, sql::to_ms(when), std::string(kSystemActor), id);
  });
} catch (const std::exception& e) {
  // The lease runs out and the message is sent again later: a duplicate, never a loss.
  spdlog::error("store: marking mail {} sent failed: {}", id, e.what());
}

void PgStore::release(std::int64_t id) try {
  write_statement([&](pqxx::nontransaction& work) {
    work.exec_params(
        "UPDATE outbox SET lease_owner = '', lease_until = 0 WHERE id = $1 AND lease_owner = $2",
        id, lease_owner_);
  });
} catch (const std::exception& e) {
  // The lease runs out instead: the mail is only later, never lost.
  spdlog::error("store: giving back mail {} failed: {}", id, e.what());
}

void PgStore::mark_failed(std::int64_t id, const std::string& error,
                          std::chrono::system_clock::time_point next_attempt) {
  delivery_failures_.fetch_add(1);
  try {
    write_statement([&](pqxx::nontransaction& work) {
      work.exec_params(
          "UPDATE outbox SET attempts = attempts + 1, last_error = $1, next_attempt_at = $2, "
          "lease_owner = '', lease_until = 0 WHERE id = $3",
          error, sql::to_ms(next_attempt), id);
    });
  } catch (const std::exception& e) {
    spdlog::error("store: recording a failed delivery of mail {} failed: {}", id, e.what());
  }
}

std::size_t PgStore::depth() try {
  return pool_.run([](pqxx::connection& connection) {
    pqxx::nontransaction work(connection);
    return work.exec("SELECT COUNT(*) FROM outbox WHERE NOT sent")[0][0].as<std::size_t>();
  });
} catch (const std::exception& e) {
  spdlog::error("store: counting the outbox failed: {}", e.what());
  return 0;
}

bool PgStore::save_session(const StoredSession& session) try {
  write_statement([&](pqxx::nontransaction& work) {
    work.exec_params(
        "INSERT INTO sessions(key, username, csrf_token, last_used) VALUES ($1, $2, $3, $4)",
        session.key, session.username, session.csrf_token, session.last_used_ms);
  });
  return true;
} catch (const std::exception& e) {
  spdlog::error("store: saving a session failed: {}", e.what());
  return false;
}

std::optional<StoredSession> PgStore::find_session(std::string_view key,
                                                   std::int64_t live_since_ms) {
  return pool_.run([&](pqxx::connection& connection) -> std::optional<StoredSession> {
    pqxx::nontransaction work(connection);
    const auto rows =
        work.exec_prepared(pg::statement::kFindSession, std::string(key), live_since_ms);
    if (rows.empty()) return std::nullopt;
    return StoredSession{rows[0][0].as<std::string>(), rows[0][1].as<std::string>(),
                         rows[0][2].as<std::string>(), rows[0][3].as<std::int64_t>()};
  });
}

void PgStore::touch_session(std::string_view key, std::int64_t now_ms) try {
  write_statement([&](pqxx::nontransaction& work) {
    work.exec_params("UPDATE sessions SET last_used = $1 WHERE key = $2", now_ms, std::string(key));
  });
} catch (const std::exception& e) {
  spdlog::error("store: recording a session's use failed: {}", e.what());
}

void PgStore::delete_session(std::string_view key) {
  write_statement([&](pqxx::nontransaction& work) {
    work.exec_params("DELETE FROM sessions WHERE key = $1", std::string(key));
  });
}

std::size_t PgStore::expire_sessions(std::int64_t live_since_ms) {
  return write_statement([&](pqxx::nontransaction& work) {
    return static_cast<std::size_t>(
        work.exec_params("DELETE FROM sessions WHERE last_used < $1", live_since_ms)
            .affected_rows());
  });
}

std::size_t PgStore::session_count(std::int64_t live_since_ms) {
  return pool_.run([&](pqxx::connection& connection) {
    pqxx::nontransaction work(connection);
    return work
        .exec_params("SELECT COUNT(*) FROM sessions WHERE last_used >= $1", live_since_ms)[0][0]
        .as<std::size_t>();
  });
}

}  // namespace servicedesk::host
