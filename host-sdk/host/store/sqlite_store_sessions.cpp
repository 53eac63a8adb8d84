// Log-in sessions in the SQLite store, and its health for /healthz.
#include <SQLiteCpp/Statement.h>
#include <spdlog/spdlog.h>

#include "store/sql_util.hpp"
#include "store/sqlite_store.hpp"

namespace servicedesk::host {

bool SqliteStore::save_session(const StoredSession& session) try {
  writes_.run([&](SQLite::Database& db) {
    SQLite::Statement insert(
        db, "INSERT INTO sessions(key, username, csrf_token, last_used) VALUES (?, ?, ?, ?)");
    insert.bind(1, session.key);
    insert.bind(2, session.username);
    insert.bind(3, session.csrf_token);
    insert.bind(4, static_cast<std::int64_t>(session.last_used_ms));
    insert.exec();
  });
  return true;
} catch (const std::exception& e) {
  spdlog::error("store: saving a session failed: {}", e.what());
  return false;
}

std::optional<StoredSession> SqliteStore::find_session(std::string_view key,
                                                       std::int64_t live_since_ms) {
  return reading([&](SQLite::Database& db) -> std::optional<StoredSession> {
    SQLite::Statement query(db,
                            "SELECT key, username, csrf_token, last_used FROM sessions "
                            "WHERE key = ? AND last_used >= ?");
    query.bind(1, std::string(key));
    query.bind(2, static_cast<std::int64_t>(live_since_ms));
    if (!query.executeStep()) return std::nullopt;
    StoredSession session;
    session.key = query.getColumn(0).getString();
    session.username = query.getColumn(1).getString();
    session.csrf_token = query.getColumn(2).getString();
    session.last_used_ms = query.getColumn(3).getInt64();
    return session;
  });
}

void SqliteStore::touch_session(std::string_view key, std::int64_t now_ms) try {
  writes_.run([&](SQLite::Database& db) {
    SQLite::Statement update(db, "UPDATE sessions SET last_used = ? WHERE key = ?");
    update.bind(1, static_cast<std::int64_t>(now_ms));
    update.bind(2, std::string(key));
    update.exec();
  });
} catch (const std::exception& e) {
  spdlog::error("store: recording a session's use failed: {}", e.what());
}

void SqliteStore::delete_session(std::string_view key) {
  writes_.run([&](SQLite::Database& db) {
    SQLite::Statement remove(db, "DELETE FROM sessions WHERE key = ?");
    remove.bind(1, std::string(key));
    remove.exec();
  });
}

std::size_t SqliteStore::expire_sessions(std::int64_t live_since_ms) {
  return writes_.run([&](SQLite::Database& db) {
    SQLite::Statement remove(db, "DELETE FROM sessions WHERE last_used < ?");
    remove.bind(1, static_cast<std::int64_t>(live_since_ms));
    remove.exec();
    return static_cast<std::size_t>(sql::changes(db));
  });
}

std::size_t SqliteStore::session_count(std::int64_t live_since_ms) {
  return reading([&](SQLite::Database& db) -> std::size_t {
    SQLite::Statement query(db, "SELECT COUNT(*) FROM sessions WHERE last_used >= ?");
    query.bind(1, static_cast<std::int64_t>(live_since_ms));
    query.executeStep();
    return static_cast<std::size_t>(query.getColumn(0).getInt64());
  });
}

bool SqliteStore::healthy(std::string& detail) try {
  return reading([&](SQLite::Database& db) -> bool {
    SQLite::Statement query(db, "SELECT 1");
    query.executeStep();
    detail = "sqlite";
    return true;
  });
} catch (const std::exception& e) {
  detail = "sqlite";
  spdlog::warn("store: health check: {}", e.what());
  return false;
}

}  // namespace servicedesk::host
