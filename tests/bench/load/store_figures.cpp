// SQLite figures for the load run: the raw commit rate, and what the host stored.
#include <SQLiteCpp/SQLiteCpp.h>

#include "scenarios.hpp"

namespace servicedesk::bench {

double sqlite_single_row_commits_per_second(const std::filesystem::path& folder,
                                            std::chrono::seconds duration) {
  const auto file = folder / "raw-commit-rate.db";
  long commits = 0;
  double seconds = 0;
  {
    SQLite::Database db(file.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("PRAGMA journal_mode=WAL");
    db.exec("PRAGMA synchronous=FULL");
    db.exec("CREATE TABLE IF NOT EXISTS rows (id INTEGER PRIMARY KEY, number TEXT NOT NULL)");
    SQLite::Statement insert(db, "INSERT INTO rows(number) VALUES (?)");
    const auto start = std::chrono::steady_clock::now();
    const auto deadline = start + duration;
    while (std::chrono::steady_clock::now() < deadline) {
      insert.bind(1, "REQ" + std::to_string(++commits));  // autocommit: one fsync each
      insert.exec();
      insert.reset();
    }
    seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  }
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(file.string() + suffix);
  return static_cast<double>(commits) / seconds;
}

StoreCount count_store(const std::filesystem::path& database) {
  SQLite::Database db(database.string(), SQLite::OPEN_READONLY);
  StoreCount count;
  count.requests = db.execAndGet("SELECT COUNT(*) FROM requests").getInt64();
  count.items = db.execAndGet("SELECT COUNT(*) FROM request_items").getInt64();
  const long distinct_requests =
      db.execAndGet("SELECT COUNT(DISTINCT number) FROM requests").getInt64();
  const long distinct_items =
      db.execAndGet("SELECT COUNT(DISTINCT number) FROM request_items").getInt64();
  count.numbers_unique = distinct_requests == count.requests && distinct_items == count.items;
  return count;
}

}  // namespace servicedesk::bench
