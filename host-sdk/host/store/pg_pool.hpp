// A small pool of PostgreSQL connections; a lost connection is dropped and re-opened.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include <pqxx/pqxx>

#include "store/session_store.hpp"

namespace servicedesk::host {

/// `url` with any password replaced by "***", fit for a log line.
std::string redact_postgres_url(const std::string& url);

/// Up to `size` connections, opened on first need. Thread-safe.
class PgPool {
 public:
  /// `conninfo` is a libpq URL or key=value string; the password comes from it, PGPASSWORD
  /// or ~/.pgpass, as libpq decides. `prepared` (name, SQL) is registered on each connection
  /// it opens, for `exec_prepared` (the server prepares one on its first use).
  PgPool(std::string conninfo, std::size_t size,
         std::vector<std::pair<std::string, std::string>> prepared = {});

  /// Runs `fn(connection)` on a pooled connection and returns its result. When the database
  /// cannot be reached, or the connection is lost on the way (the connection is then
  /// dropped; the next call opens a new one), throws StoreUnavailable; so does a write to a
  /// database switched to read-only. Other database errors (pqxx::sql_error) pass through.
  template <class Fn>
  auto run(Fn&& fn) -> decltype(fn(std::declval<pqxx::connection&>())) {
    Lease lease(*this);
    try {
      return fn(lease.connection());
    } catch (const pqxx::broken_connection& e) {
      lease.discard();
      throw StoreUnavailable(std::string("database connection lost: ") + e.what());
    } catch (const pqxx::in_doubt_error& e) {
      lease.discard();
      throw StoreUnavailable(std::string("database connection lost at commit: ") + e.what());
    } catch (const pqxx::sql_error& e) {
      if (lost(e, lease.connection())) {
        lease.discard();
        throw StoreUnavailable(std::string("database unavailable: ") + e.what());
      }
      // 25006: the database or server was switched to read-only; the connection is fine.
      if (e.sqlstate() == "25006")
        throw StoreUnavailable(std::string("the database is read-only: ") + e.what());
      throw;
    }
  }

  std::size_t size() const { return size_; }

 private:
  /// One borrowed connection, given back (or dropped) when the lease ends.
  class Lease {
   public:
    explicit Lease(PgPool& pool);
    ~Lease();
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    pqxx::connection& connection() { return *connection_; }
    void discard() { connection_.reset(); }

   private:
    PgPool& pool_;
    std::unique_ptr<pqxx::connection> connection_;
  };

  /// Whether an SQL error means the server went away (shutdown, connection class errors).
  static bool lost(const pqxx::sql_error& error, pqxx::connection& connection);
  std::unique_ptr<pqxx::connection> take();
  void give_back(std::unique_ptr<pqxx::connection> connection);

  std::string conninfo_;
  std::size_t size_;
  std::vector<std::pair<std::string, std::string>> prepared_;
  std::mutex mutex_;
  std::condition_variable freed_;
  std::vector<std::unique_ptr<pqxx::connection>> idle_;
  std::size_t in_use_ = 0;
};

}  // namespace servicedesk::host
