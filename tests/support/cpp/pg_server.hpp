// A real PostgreSQL 15 for tests: initdb into a temporary folder as `nobody`, a free port.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <string>

namespace servicedesk::test {

/// One postgres server owned by the test process, listening on 127.0.0.1:`port()` only, with
/// a role "servicedesk" whose password (scram-sha-256) tests pass the libpq way: PGPASSWORD.
/// Stopped when the object dies (and by the kernel if the test process dies first).
class PgServer {
 public:
  static constexpr const char* kPassword = "pg-test-secret";

  /// initdb into `folder` (made accessible to `nobody`) and start. `fsync` off speeds up
  /// correctness tests; benchmarks keep it on. Throws on failure.
  explicit PgServer(const std::filesystem::path& folder, bool fsync = false);
  ~PgServer();
  PgServer(const PgServer&) = delete;
  PgServer& operator=(const PgServer&) = delete;

  int port() const { return port_; }
  /// A URL without password for `database` (created on demand by create_database).
  std::string url(const std::string& database = "postgres") const;
  /// Creates a fresh, empty database and returns its URL (no password in it).
  std::string create_database(const std::string& name);
  /// Runs one SQL statement in `database` with psql; returns its unaligned output.
  std::string sql(const std::string& statement, const std::string& database = "postgres");
  /// Fast shutdown (connections are cut); start() again on the same port and data.
  void stop();
  void start();
  bool running() const { return pid_ > 0; }

 private:
  std::filesystem::path folder_;
  std::filesystem::path data_;
  int port_ = 0;
  bool fsync_ = false;
  pid_t pid_ = -1;
};

/// Where PostgreSQL 15's server programs live on Debian; empty when not installed.
std::filesystem::path postgres_bin_dir();

}  // namespace servicedesk::test
