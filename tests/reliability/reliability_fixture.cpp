// The reliability tests' database probes, mail reading and host set-up.
#include "reliability_fixture.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <atomic>
#include <sstream>
#include <stdexcept>

namespace servicedesk::test {
namespace {

class SqliteProbe final : public DatabaseProbe {
 public:
  explicit SqliteProbe(std::filesystem::path file) : file_(std::move(file)) {}
  std::vector<std::vector<std::string>> rows(const std::string& query) override {
    SQLite::Database db(file_.string(), SQLite::OPEN_READWRITE, 10000);
    SQLite::Statement statement(db, query);
    std::vector<std::vector<std::string>> out;
    while (statement.executeStep()) {
      std::vector<std::string> row;
      for (int i = 0; i < statement.getColumnCount(); ++i)
        row.push_back(statement.getColumn(i).isNull() ? "" : statement.getColumn(i).getString());
      out.push_back(std::move(row));
    }
    return out;
  }
  std::string json_member(const std::string& column, const std::string& key) const override {
    return "json_extract(" + column + ", '$." + key + "')";
  }

 private:
  std::filesystem::path file_;
};

class PostgresProbe final : public DatabaseProbe {
 public:
  explicit PostgresProbe(std::string database) : database_(std::move(database)) {}
  std::vector<std::vector<std::string>> rows(const std::string& query) override {
    // psql -A -t: one line per row, columns split by '|' (no test value holds one).
    std::vector<std::vector<std::string>> out;
    std::istringstream lines(shared_postgres().sql(query, database_));
    for (std::string line; std::getline(lines, line);) {
      std::vector<std::string> row;
      std::size_t start = 0;
      for (std::size_t bar = line.find('|'); bar != std::string::npos;
           bar = line.find('|', start)) {
        row.push_back(line.substr(start, bar - start));
        start = bar + 1;
      }
      row.push_back(line.substr(start));
      out.push_back(std::move(row));
    }
    return out;
  }
  std::string json_member(const std::string& column, const std::string& key) const override {
    return "(" + column + "::json->>'" + key + "')";
  }

 private:
  std::string database_;
};

std::string header_value(const std::string& text, const std::string& name) {
  const auto at = text.find("\n" + name + ": ");
  if (at == std::string::npos) return "";
  const auto start = at + name.size() + 3;
  std::string value = text.substr(start, text.find('\n', start) - start);
  while (!value.empty() && (value.back() == '\r' || value.back() == ' ')) value.pop_back();
  return value;
}

}  // namespace

PgServer& shared_postgres() {
  static TempDir folder;
  static PgServer server(folder.path() / "pg");
  ::setenv("PGPASSWORD", PgServer::kPassword, 1);
  return server;
}

long long DatabaseProbe::count(const std::string& query) {
  const auto result = rows(query);
  if (result.size() != 1 || result[0].size() != 1)
    throw std::runtime_error("not a count: " + query);
  return std::stoll(result[0][0]);
}

std::unique_ptr<DatabaseProbe> sqlite_probe(std::filesystem::path file) {
  return std::make_unique<SqliteProbe>(std::move(file));
}

std::unique_ptr<DatabaseProbe> postgres_probe(std::string database) {
  return std::make_unique<PostgresProbe>(std::move(database));
}

std::vector<DeliveredMail> delivered_mails(const std::filesystem::path& folder) {
  std::vector<DeliveredMail> mails;
  for (const auto& file : files_in(folder)) {
    const std::string text = "\n" + read_file(file);
    std::string id = header_value(text, "Message-ID");
    if (id.size() > 2 && id.front() == '<') id = id.substr(1, id.size() - 2);
    mails.push_back({id.substr(0, id.find('@')), header_value(text, "Subject"),
                     header_value(text, "X-Envelope-To"), file});
  }
  return mails;
}

void ReliabilityTest::SetUp() {
  static std::atomic<int> next{0};
  if (GetParam() == Backend::postgres) {
    if (postgres_bin_dir().empty()) GTEST_SKIP() << "PostgreSQL 15 is not installed";
    const std::string database = "reliability_" + std::to_string(++next);
    database_url_ = shared_postgres().create_database(database);
    probe_ = postgres_probe(database);
  } else {
    probe_ = sqlite_probe(data_dir() / "servicedesk.db");
  }
  sink_ = std::make_unique<SmtpSink>(free_port(), inbox());
}

std::filesystem::path ReliabilityTest::write_config(const std::string& extra) {
  const auto file = dir_.path() / "host.yaml";
  std::ofstream out(file);
  if (!database_url_.empty())
    out << "store:\n  postgres: " << database_url_
        << "\n  migrate_on_start: true\n  pool_size: 6\n  mail_lease_seconds: 1\n";
  out << "mail:\n  smtp: smtp://127.0.0.1:" << sink_->port()
      << "\n  poll_interval_ms: 100\n  initial_backoff_ms: 200\n  max_backoff_ms: 400\n"
      << extra;
  return file;
}

std::unique_ptr<HostProcess> ReliabilityTest::start_host(const std::filesystem::path& config,
                                                         std::vector<std::string> extra_args) {
  extra_args.insert(extra_args.begin(), {"--config", config.string()});
  return std::make_unique<HostProcess>(data_dir(), std::move(extra_args));
}

std::set<std::string> ReliabilityTest::outbox_message_ids(const std::string& where) {
  std::set<std::string> ids;
  for (const auto& row : db().rows("SELECT request_number, id FROM outbox WHERE " + where))
    ids.insert(row[0] + "." + row[1]);
  return ids;
}

void write_duo_seed(const std::filesystem::path& folder) {
  std::filesystem::create_directories(folder);
  std::ofstream(folder / "seed.json")
      << R"({"users": {"newhire": [], "tessatitan": ["+17145550177"],
    "dcoordinator": ["+17145550102"], "tuffytitan": ["+17145550101"]}})";
  ::setenv("DUO_SKEY", kDuoSkey, 1);
}

std::string automatic_duo_config(int port) {
  return "jobs:\n  lease_ms: 1000\n  poll_interval_ms: 100\n  initial_backoff_ms: 200\n"
         "  max_backoff_ms: 800\n  max_attempts: 1000\n"
         "plugins:\n  duo-account-updates:\n    duo_admin_api:\n      host: " +
         std::string(kDuoApiHost) + "\n      endpoint: http://127.0.0.1:" + std::to_string(port) +
         "\n      ikey: " + kDuoIkey +
         "\n      skey_env: DUO_SKEY\n      timeout_ms: 3000\n      fulfil: automatic\n";
}

std::string e164(const std::string& typed) {
  std::string digits;
  for (char c : typed)
    if (c >= '0' && c <= '9') digits += c;
  if (digits.size() == 11 && digits.front() == '1') digits.erase(0, 1);
  return "+1" + digits;
}

}  // namespace servicedesk::test
