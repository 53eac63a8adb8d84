// One real PostgreSQL server per test binary, as a GoogleTest environment.
#pragma once

#include <cstdlib>
#include <memory>
#include <string>

#include <gtest/gtest.h>

#include "pg_server.hpp"
#include "scratch.hpp"

namespace servicedesk::test {

/// The binary's one PostgreSQL server, started before the first test and stopped after the
/// last; the password reaches libpq (and every host the tests start) through PGPASSWORD, as
/// for a real deployment. Register it in main() with AddGlobalTestEnvironment.
class SharedPostgres : public testing::Environment {
 public:
  void SetUp() override {
    folder_ = std::make_unique<TempDir>();
    server_ = std::make_unique<PgServer>(folder_->path() / "pg");
    ::setenv("PGPASSWORD", PgServer::kPassword, 1);
    instance_ = this;
  }
  void TearDown() override {
    instance_ = nullptr;
    server_.reset();
    folder_.reset();
  }
  static PgServer& server() { return *instance_->server_; }
  /// A fresh, empty database named `<prefix>_<n>`; returns its URL (no password in it).
  static std::string fresh_database(const std::string& prefix) {
    static int next = 0;
    return server().create_database(prefix + "_" + std::to_string(++next));
  }

 private:
  inline static SharedPostgres* instance_ = nullptr;
  std::unique_ptr<TempDir> folder_;
  std::unique_ptr<PgServer> server_;
};

}  // namespace servicedesk::test
