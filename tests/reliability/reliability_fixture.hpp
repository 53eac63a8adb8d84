// Crash and fault tests: a real host on SQLite or on a real PostgreSQL 15, an SMTP sink, and
// a look straight into the database after every kill.
#pragma once

#include <cstdlib>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "api_client.hpp"
#include "host_process.hpp"
#include "pg_server.hpp"
#include "scratch.hpp"
#include "smtp_sink.hpp"

namespace servicedesk::test {

enum class Backend { sqlite, postgres };

inline std::string backend_name(const testing::TestParamInfo<Backend>& info) {
  return info.param == Backend::sqlite ? "SQLite" : "PostgreSQL";
}

/// The test binary's one PostgreSQL, started on first use (SQLite-only runs never start it).
PgServer& shared_postgres();

/// Rows of one query, each column as text (NULL as ""), on whichever backend a test runs.
class DatabaseProbe {
 public:
  virtual ~DatabaseProbe() = default;
  virtual std::vector<std::vector<std::string>> rows(const std::string& query) = 0;
  long long count(const std::string& query);
  /// SQL for the `key` member of the JSON text column `column`.
  virtual std::string json_member(const std::string& column, const std::string& key) const = 0;
};

/// A probe of the SQLite file at `file`, opened for each query (the host may be dead or alive).
std::unique_ptr<DatabaseProbe> sqlite_probe(std::filesystem::path file);
/// A probe of `database` on the shared PostgreSQL.
std::unique_ptr<DatabaseProbe> postgres_probe(std::string database);

/// One delivered mail as the SMTP sink stored it.
struct DeliveredMail {
  std::string message_id;  ///< without angle brackets: "REQ0000001.7@servicedesk.example.edu"
  std::string subject;
  std::string recipient;
  std::filesystem::path file;
};

/// Every mail in `folder`, in the order the sink received them.
std::vector<DeliveredMail> delivered_mails(const std::filesystem::path& folder);

/// The host's database (a fresh one per test), an SMTP sink, and host.yaml for both backends.
class ReliabilityTest : public testing::TestWithParam<Backend> {
 protected:
  void SetUp() override;

  /// Writes host.yaml: the store, SMTP with quick retries, then `extra` (more sections).
  std::filesystem::path write_config(const std::string& extra = "");
  /// Starts the host on the test's data folder with `config`.
  std::unique_ptr<HostProcess> start_host(const std::filesystem::path& config,
                                          std::vector<std::string> extra_args = {});
  DatabaseProbe& db() { return *probe_; }
  std::filesystem::path data_dir() const { return dir_.path() / "data"; }
  std::filesystem::path inbox() const { return dir_.path() / "inbox"; }
  /// `request_number.id@domain` of every outbox row matching `where` (an SQL condition).
  std::set<std::string> outbox_message_ids(const std::string& where = "1 = 1");

  TempDir dir_;
  std::string database_url_;  ///< empty on SQLite
  std::unique_ptr<DatabaseProbe> probe_;
  std::unique_ptr<SmtpSink> sink_;
};

/// The fake Duo tenant (tests/support/fake_duo): seed people, and the host config that points
/// the DUO plugin at it with `fulfil: automatic`; the secret goes through DUO_SKEY.
inline constexpr const char* kDuoApiHost = "api-1a2b3c4d.duosecurity.com";
inline constexpr const char* kDuoIkey = "DIWJ8X6AEYOR5OMC6TQ1";
inline constexpr const char* kDuoSkey = "test-secret-Zh5eGmUq9zpfQnyUIu5OL9iWoMMv5ZNmk3zLJ4Ep";
void write_duo_seed(const std::filesystem::path& folder);
/// `plugins:` and `jobs:` sections (quick retries, a 1 s lease) for a fake Duo on `port`.
std::string automatic_duo_config(int port);

/// "+17145552001" for "714 555 2001": the digits the fake Duo and the store keep.
std::string e164(const std::string& typed);

}  // namespace servicedesk::test
