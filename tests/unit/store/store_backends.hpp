// The two store backends for parameterised tests: SQLite in a temporary folder, and
// PostgreSQL on the one server this test binary starts (a fresh database per test).
#pragma once

#include <memory>
#include <string>

#include <gtest/gtest.h>

#include "scratch.hpp"
#include "shared_postgres.hpp"
#include "store/pg_store.hpp"
#include "store/sqlite_store.hpp"

namespace servicedesk::test {

enum class Backend { sqlite, postgres };

inline std::string backend_name(const testing::TestParamInfo<Backend>& info) {
  return info.param == Backend::sqlite ? "Sqlite" : "Postgres";
}

/// A test's store on its backend; `another()` opens a second store on the same data (a
/// second host, or the same host after a restart).
class StoreUnderTest {
 public:
  explicit StoreUnderTest(Backend backend) : backend_(backend) {
    if (backend_ == Backend::postgres) url_ = SharedPostgres::fresh_database("store_test");
    store_ = another();
  }
  std::unique_ptr<host::Store> another(std::chrono::seconds mail_lease = std::chrono::seconds(60)) {
    std::string error;
    std::unique_ptr<host::Store> store;
    if (backend_ == Backend::sqlite) {
      store = host::SqliteStore::open(folder_.path() / "servicedesk.db", error);
    } else {
      host::PgSettings settings;
      settings.url = url_;
      settings.pool_size = 4;
      settings.migrate_on_start = true;
      settings.mail_lease = mail_lease;
      store = host::PgStore::open(settings, error);
    }
    EXPECT_TRUE(store) << error;
    return store;
  }
  host::Store& operator*() { return *store_; }
  host::Store* operator->() { return store_.get(); }
  void reset() { store_.reset(); }
  const std::string& url() const { return url_; }
  std::filesystem::path sqlite_file() const { return folder_.path() / "servicedesk.db"; }

 private:
  Backend backend_;
  TempDir folder_;
  std::string url_;
  std::unique_ptr<host::Store> store_;
};

}  // namespace servicedesk::test
