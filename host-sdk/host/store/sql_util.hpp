// Small helpers shared by the SQLite store's source files.
#pragma once

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <vector>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <sqlite3.h>

#include "store/store.hpp"

namespace servicedesk::host::sql {

/// Thrown inside a write job when the data changed underneath the caller.
struct Conflict : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// Thrown inside a write job when the row to change does not exist.
struct NotFound : std::runtime_error {
  using std::runtime_error::runtime_error;
};

inline std::int64_t to_ms(std::chrono::system_clock::time_point when) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(when.time_since_epoch()).count();
}

inline std::int64_t now_ms() {
  return to_ms(std::chrono::system_clock::now());
}

/// Takes the next value of a counter ("REQ", "RITM") and formats it as PREFIX + 7 digits.
inline std::string next_number(SQLite::Database& db, const char* counter) {
  SQLite::Statement next(db,
                         "UPDATE counters SET value = value + 1 WHERE name = ? RETURNING value");
  next.bind(1, counter);
  if (!next.executeStep()) throw std::runtime_error("missing counter");
  const long long value = next.getColumn(0).getInt64();
  char text[32];
  std::snprintf(text, sizeof text, "%s%07lld", counter, value);
  return text;
}

/// Rows changed by the last statement on `db`.
inline int changes(SQLite::Database& db) {
  return sqlite3_changes(db.getHandle());
}

/// Writes activity rows, inside the caller's transaction.
void insert_activity(SQLite::Database& db, const std::vector<ActivityEntry>& rows);

/// Queues one mail in the outbox, with its activity row when it belongs to a request, inside
/// the caller's transaction.
void insert_outbox_mail(SQLite::Database& db, const std::string& request_number,
                        const NewMail& mail, std::int64_t now);

/// Queues a fulfilment job decided at checkout (`fulfil: automatic`), inside the caller's
/// transaction.
void queue_automatic_job(SQLite::Database& db, const std::string& item_number);

}  // namespace servicedesk::host::sql
