// Several real hosts on one real PostgreSQL (started once per test binary) and an SMTP sink.
#pragma once

#include <cstdlib>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <string>

#include <gtest/gtest.h>

#include "api_client.hpp"
#include "api_fixture.hpp"
#include "host_process.hpp"
#include "scratch.hpp"
#include "shared_postgres.hpp"
#include "smtp_sink.hpp"

namespace servicedesk::test {

/// A client of `port` carrying `from`'s session (the same browser, another host).
inline ApiClient same_browser(int port, const ApiClient& from, ClientOptions options = {}) {
  ApiClient client(port, options);
  client.cookie = from.cookie;
  client.csrf_token = from.csrf_token;
  return client;
}

/// A fresh database, an SMTP sink, and hosts started on demand with one shared config.
class MultiHostTest : public testing::Test {
 protected:
  void SetUp() override {
    const std::string url = SharedPostgres::fresh_database("hosts");
    database_ = url.substr(url.rfind('/') + 1);
    smtp_port_ = free_port();
    sink_ = std::make_unique<SmtpSink>(smtp_port_, inbox());
    std::ofstream(config()) << "store:\n  postgres: " << url
                            << "\n  migrate_on_start: true\n  pool_size: 6\n"
                            << "  mail_lease_seconds: 2\nmail:\n  smtp: smtp://127.0.0.1:"
                            << smtp_port_ << "\n  poll_interval_ms: 100\n"
                            << "  initial_backoff_ms: 200\n  max_backoff_ms: 400\n";
  }

  /// Starts host `name` (its own data folder) on the shared database.
  std::unique_ptr<HostProcess> start_host(const std::string& name) {
    return std::make_unique<HostProcess>(dir_.path() / name,
                                         std::vector<std::string>{"--config", config().string()});
  }
  std::filesystem::path config() const { return dir_.path() / "host.yaml"; }
  std::filesystem::path inbox() const { return dir_.path() / "inbox"; }
  std::string sql(const std::string& statement) {
    return SharedPostgres::server().sql(statement, database_);
  }
  long long count(const std::string& statement) { return std::stoll(sql(statement)); }

  /// Delivered mails by "subject|recipient" -> how many times.
  std::map<std::string, int> delivered() const {
    std::map<std::string, int> mails;
    for (const auto& file : files_in(inbox())) {
      const std::string text = read_file(file);
      mails[header(text, "Subject: ") + "|" + header(text, "X-Envelope-To: ")]++;
    }
    return mails;
  }
  static std::string header(const std::string& text, const std::string& name) {
    const auto at = text.find(name);
    if (at == std::string::npos) return "";
    return text.substr(at + name.size(), text.find('\n', at) - at - name.size());
  }

  TempDir dir_;
  std::string database_;
  int smtp_port_ = 0;
  std::unique_ptr<SmtpSink> sink_;
};

}  // namespace servicedesk::test
