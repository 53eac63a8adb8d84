// Reading requests and their items, the fulfilment queue, staff decisions, and the outbox.
#include <SQLiteCpp/Statement.h>
#include <spdlog/spdlog.h>

#include "store/activity_rows.hpp"
#include "store/sql_util.hpp"
#include "store/sqlite_store.hpp"

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

/// The filters of a queue query, shared by its page and its count (bound as ?1..?6).
constexpr const char* kQueueFilter =
    "WHERE i.state IN (SELECT value FROM json_each(?1)) AND (?2 = '' OR i.item_id = ?2) "
    "AND (?3 = 0 OR r.created_at < ?3) AND (?4 = '' OR i.number = ?4 OR i.request_number = ?4) "
    "AND (?5 = '[]' OR r.opened_by IN (SELECT value FROM json_each(?5)) OR "
    "r.requested_for IN (SELECT value FROM json_each(?5))) ";

void bind_queue_filter(SQLite::Statement& query, const QueueQuery& filter) {
  query.bind(1, nlohmann::json(filter.states).dump());
  query.bind(2, filter.item_id);
  query.bind(3, static_cast<std::int64_t>(filter.created_before_ms));
  query.bind(4, filter.number);
  query.bind(5, nlohmann::json(filter.people).dump());
}

RequestItemRecord read_item(SQLite::Statement& row) {
  RequestItemRecord item;
  item.number = row.getColumn(0).getString();
  item.request_number = row.getColumn(1).getString();
  item.item_id = row.getColumn(2).getString();
  item.item_name = row.getColumn(3).getString();
  item.answers = nlohmann::json::parse(row.getColumn(4).getString(), nullptr, false);
  item.summary = row.getColumn(5).getString();
  item.state = row.getColumn(6).getString();
  item.decided_by = row.getColumn(7).getString();
  item.reason = row.getColumn(8).getString();
  item.opened_by = row.getColumn(9).getString();
  item.requested_for = row.getColumn(10).getString();
  item.special_instructions = row.getColumn(11).getString();
  item.attempts = row.getColumn(12).getInt();
  if (item.state == "fulfilling") {
    item.last_error = row.getColumn(13).getString();
    item.next_attempt_at_ms = row.getColumn(14).getInt64();
  }
  item.created_at_ms = row.getColumn(15).getInt64();
  const std::string fields = row.getColumn(16).getString();
  if (!fields.empty()) item.form_fields = nlohmann::json::parse(fields, nullptr, false);
  return item;
}

RequestRecord read_request(SQLite::Statement& row) {
  RequestRecord request;
  request.number = row.getColumn(0).getString();
  request.opened_by = row.getColumn(1).getString();
  request.requested_for = row.getColumn(2).getString();
  request.special_instructions = row.getColumn(3).getString();
  request.created_at_ms = row.getColumn(4).getInt64();
  return request;
}

std::vector<RequestItemRecord> items_of(SQLite::Database& db, const std::string& request_number) {
  SQLite::Statement query(
      db, std::string(kItemColumns) + "WHERE i.request_number = ? ORDER BY i.position");
  query.bind(1, request_number);
  std::vector<RequestItemRecord> items;
  while (query.executeStep()) items.push_back(read_item(query));
  return items;
}

std::vector<NotificationRecord> notifications_of(SQLite::Database& db,
                                                 const std::string& request_number) {
  SQLite::Statement query(db,
                          "SELECT id, item_number, event, to_username, to_address, subject, sent, "
                          "attempts, last_error FROM outbox WHERE request_number = ? ORDER BY id");
  query.bind(1, request_number);
  std::vector<NotificationRecord> records;
  while (query.executeStep()) {
    NotificationRecord record;
    record.id = query.getColumn(0).getInt64();
    record.item_number = query.getColumn(1).getString();
    record.event = query.getColumn(2).getString();
    record.to_username = query.getColumn(3).getString();
    record.to_address = query.getColumn(4).getString();
    record.subject = query.getColumn(5).getString();
    record.attempts = query.getColumn(7).getInt();
    record.last_error = query.getColumn(8).getString();
    record.state = query.getColumn(6).getInt() != 0 ? DeliveryState::sent
                   : record.attempts > 0            ? DeliveryState::failed_retrying
                                                    : DeliveryState::pending;
    records.push_back(std::move(record));
  }
  return records;
}

}  // namespace

std::vector<RequestRecord> SqliteStore::requests_for(std::string_view username) {
  return reading([&](SQLite::Database& db) -> std::vector<RequestRecord> {
    SQLite::Statement query(db,
                            "SELECT number, opened_by, requested_for, special_instructions, "
                            "created_at FROM requests WHERE opened_by = ?1 OR requested_for = ?1 "
                            "ORDER BY number DESC LIMIT 200");
    query.bind(1, std::string(username));
    std::vector<RequestRecord> requests;
    while (query.executeStep()) requests.push_back(read_request(query));
    for (auto& request : requests) request.items = items_of(db, request.number);
    return requests;
  });
}

std::optional<RequestRecord> SqliteStore::request(std::string_view number) {
  return reading([&](SQLite::Database& db) -> std::optional<RequestRecord> {
    SQLite::Statement query(db,
                            "SELECT number, opened_by, requested_for, special_instructions, "
                            "created_at FROM requests WHERE number = ?");
    query.bind(1, std::string(number));
    if (!query.executeStep()) return std::nullopt;
    RequestRecord request = read_request(query);
    request.items = items_of(db, request.number);
    request.notifications = notifications_of(db, request.number);
    return request;
  });
}

std::optional<RequestItemRecord> SqliteStore::request_item(std::string_view number) {
  return reading([&](SQLite::Database& db) -> std::optional<RequestItemRecord> {
    SQLite::Statement query(db, std::string(kItemColumns) + "WHERE i.number = ?");
    query.bind(1, std::string(number));
    if (!query.executeStep()) return std::nullopt;
    return read_item(query);
  });
}

std::vector<RequestItemRecord> SqliteStore::open_items() {
  return reading([&](SQLite::Database& db) -> std::vector<RequestItemRecord> {
    SQLite::Statement query(
        db, std::string(kItemColumns) +
                "WHERE i.state IN ('open', 'fulfilling', 'failed') ORDER BY i.number");
    std::vector<RequestItemRecord> items;
    while (query.executeStep()) items.push_back(read_item(query));
    return items;
  });
}

QueuePage SqliteStore::queue(const QueueQuery& filter) {
  return reading([&](SQLite::Database& db) -> QueuePage {
    QueuePage page;
    SQLite::Statement count(db, std::string("SELECT COUNT(*) FROM request_items i JOIN requests r "
                                            "ON r.number = i.request_number ") +
                                    kQueueFilter);
    bind_queue_filter(count, filter);
    count.executeStep();
    page.total = static_cast<std::size_t>(count.getColumn(0).getInt64());
    SQLite::Statement query(db,
                            std::string(kItemColumns) + kQueueFilter +
                                (filter.newest_first ? "ORDER BY r.created_at DESC, i.number DESC "
                                                     : "ORDER BY r.created_at, i.number ") +
                                "LIMIT ?6 OFFSET ?7");
    bind_queue_filter(query, filter);
    query.bind(6, static_cast<std::int64_t>(filter.limit));
    query.bind(7, static_cast<std::int64_t>(filter.offset));
    while (query.executeStep()) page.items.push_back(read_item(query));
    return page;
  });
}

bool SqliteStore::record_activity(const std::vector<ActivityEntry>& entries) try {
  writes_.run([&](SQLite::Database& db) { sql::insert_activity(db, entries); });
  return true;
} catch (const std::exception& e) {
  spdlog::error("store: recording activity failed: {}", e.what());
  return false;
}

std::vector<ActivityEntry> SqliteStore::activity(std::string_view request_number,
                                                 std::size_t limit) {
  return reading([&](SQLite::Database& db) -> std::vector<ActivityEntry> {
    SQLite::Statement query(db,
                            "SELECT id, request_number, item_number, at, actor, kind, detail "
                            "FROM activity WHERE request_number = ? ORDER BY id DESC LIMIT ?");
    query.bind(1, std::string(request_number));
    query.bind(2, static_cast<std::int64_t>(limit));
    std::vector<ActivityEntry> rows;
    while (query.executeStep()) {
      rows.push_back({query.getColumn(0).getInt64(), query.getColumn(1).getString(),
                      query.getColumn(2).getString(), query.getColumn(3).getInt64(),
                      query.getColumn(4).getString(), query.getColumn(5).getString(),
                      query.getColumn(6).getString()});
    }
    return rows;
  });
}

std::vector<FormVersionRecord> SqliteStore::form_versions(std::string_view item_id,
                                                          std::size_t limit) {
  return reading([&](SQLite::Database& db) -> std::vector<FormVersionRecord> {
    SQLite::Statement query(
        db,
        "SELECT v.content_hash, v.loaded_at, COUNT(i.number) FROM form_versions v "
        "LEFT JOIN request_items i ON i.form_version_id = v.id "
        "WHERE v.item_id = ? GROUP BY v.id ORDER BY v.loaded_at DESC, v.id DESC "
        "LIMIT ?");
    query.bind(1, std::string(item_id));
    query.bind(2, static_cast<std::int64_t>(limit));
    std::vector<FormVersionRecord> rows;
    while (query.executeStep()) {
      rows.push_back({query.getColumn(0).getString(), query.getColumn(1).getInt64(),
                      static_cast<std::size_t>(query.getColumn(2).getInt64())});
    }
    return rows;
  });
}

StoreError SqliteStore::decide(const ItemDecision& decision) {
  try {
    writes_.run([&](SQLite::Database& db) {
      SQLite::Statement update(db,
                               "UPDATE request_items SET state = ?, decided_by = ?, reason = ?, "
                               "decided_at = ? WHERE number = ? AND (state = 'open' OR "
                               "(state = 'failed' AND ?1 = 'rejected')) RETURNING request_number");
      const std::int64_t now = sql::now_ms();
      update.bind(1, decision.state);
      update.bind(2, decision.decided_by);
      update.bind(3, decision.reason);
      update.bind(4, static_cast<std::int64_t>(now));
      update.bind(5, decision.item_number);
      if (!update.executeStep()) throw sql::Conflict("the item is no longer open");
      const std::string request_number = update.getColumn(0).getString();
      update.reset();
      sql::insert_activity(
          db, {activity::decided(request_number, decision.item_number, now, decision.decided_by,
                                 decision.state, decision.reason)});
      SQLite::Statement stop(db,
                             "UPDATE fulfilment_jobs SET state = 'cancelled', finished_at = ? "
                             "WHERE item_number = ? AND state = 'failed'");
      stop.bind(1, static_cast<std::int64_t>(now));
      stop.bind(2, decision.item_number);
      stop.exec();
      for (const auto& mail : decision.mails) {
        sql::insert_outbox_mail(db, request_number, mail, now);
      }
    });
    return StoreError::none;
  } catch (const sql::Conflict&) {
    return StoreError::conflict;
  } catch (const std::exception& e) {
    spdlog::error("store: recording a decision failed: {}", e.what());
    return StoreError::failed;
  }
}

std::vector<OutboxMessage> SqliteStore::due(std::chrono::system_clock::time_point now,
                                            std::size_t limit) {
  // The delivery worker calls these four; a database problem must not kill its thread.
  try {
    return due_messages(now, limit);
  } catch (const std::exception& e) {
    spdlog::error("store: reading the outbox failed: {}", e.what());
    return {};
  }
}

std::vector<OutboxMessage> SqliteStore::due_messages(std::chrono::system_clock::time_point now,
                                                     std::size_t limit) {
  return reading([&](SQLite::Database& db) -> std::vector<OutboxMessage> {
    // A request's mails reach each recipient in the order they were written: a mail waits
    // while an earlier one of its request to the same address waits for its retry.
    SQLite::Statement query(
        db,
        "SELECT id, request_number, to_address, to_name, subject, body, attempts "
        "FROM outbox o WHERE sent = 0 AND next_attempt_at <= ?1 AND NOT EXISTS ("
        "SELECT 1 FROM outbox e WHERE e.request_number = o.request_number AND "
        "e.request_number <> '' AND e.to_address = o.to_address AND e.sent = 0 AND e.id < o.id "
        "AND e.next_attempt_at > ?1) ORDER BY id LIMIT ?2");
    query.bind(1, static_cast<std::int64_t>(sql::to_ms(now)));
    query.bind(2, static_cast<std::int64_t>(limit));
    std::vector<OutboxMessage> messages;
    while (query.executeStep()) {
      OutboxMessage message;
      message.id = query.getColumn(0).getInt64();
      message.request_number = query.getColumn(1).getString();
      message.to_address = query.getColumn(2).getString();
      message.to_name = query.getColumn(3).getString();
      message.subject = query.getColumn(4).getString();
      message.body = query.getColumn(5).getString();
      message.attempts = query.getColumn(6).getInt();
      messages.push_back(std::move(message));
    }
    return messages;
  });
}

void SqliteStore::mark_sent(std::int64_t id, std::chrono::system_clock::time_point when) try {
  writes_.run([&](SQLite::Database& db) {
    SQLite::Statement update(db,
                             "UPDATE outbox SET sent = 1, sent_at = ?, attempts = attempts + 1, "
                             "last_error = '' WHERE id = ?");
    update.bind(1, static_cast<std::int64_t>(sql::to_ms(when)));
    update.bind(2, static_cast<std::int64_t>(id));
    update.exec();
    SQLite::Statement logged(db,
                             "INSERT INTO activity(request_number, item_number, at, actor, kind, "
                             "detail) SELECT request_number, item_number, ?, ?, 'mail_sent', "
                             "event || ' mail to ' || to_username FROM outbox "
                             "WHERE id = ? AND request_number <> ''");
    logged.bind(1, static_cast<std::int64_t>(sql::to_ms(when)));
    logged.bind(2, std::string(kSystemActor));
    logged.bind(3, static_cast<std::int64_t>(id));
    logged.exec();
  });
} catch (const std::exception& e) {
  // The message stays queued and is sent again later: a duplicate, never a loss.
  spdlog::error("store: marking mail {} sent failed: {}", id, e.what());
}

void SqliteStore::mark_failed(std::int64_t id, const std::string& error,
                              std::chrono::system_clock::time_point next_attempt) {
  delivery_failures_.fetch_add(1);
  try {
    writes_.run([&](SQLite::Database& db) {
      SQLite::Statement update(db,
                               "UPDATE outbox SET attempts = attempts + 1, last_error = ?, "
                               "next_attempt_at = ? WHERE id = ?");
      update.bind(1, error);
      update.bind(2, static_cast<std::int64_t>(sql::to_ms(next_attempt)));
      update.bind(3, static_cast<std::int64_t>(id));
      update.exec();
    });
  } catch (const std::exception& e) {
    spdlog::error("store: recording a failed delivery of mail {} failed: {}", id, e.what());
  }
}

std::size_t SqliteStore::depth() try {
  return reading([&](SQLite::Database& db) -> std::size_t {
    SQLite::Statement query(db, "SELECT COUNT(*) FROM outbox WHERE sent = 0");
    query.executeStep();
    return static_cast<std::size_t>(query.getColumn(0).getInt64());
  });
} catch (const std::exception& e) {
  spdlog::error("store: counting the outbox failed: {}", e.what());
  return 0;
}

}  // namespace servicedesk::host
