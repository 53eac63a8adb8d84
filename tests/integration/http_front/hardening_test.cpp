// Hardening around the HTTP front: private file modes, the warning for loose ones, who may
// read /metrics, and the Secure cookie under TLS or behind a TLS proxy.
#include <sys/stat.h>

#include <cstdio>
#include <cstdlib>

#include "front_fixture.hpp"

namespace servicedesk::test {
namespace {

namespace fs = std::filesystem;

unsigned mode_of(const fs::path& path) {
  struct stat info {};
  return ::lstat(path.c_str(), &info) == 0 ? (info.st_mode & 0777u) : 0777u;
}

/// Orders the DUO item as the coordinator and fulfils it as IT staff: database, WAL, mail
/// and the Duo ledger are all written.
void order_and_fulfil(int port) {
  ApiClient ditc(port);
  ASSERT_EQ(ditc.log_in("dcoordinator").status, 200);
  ASSERT_EQ(
      ditc.post("/api/cart/items",
                {{"item", "duo-account-updates"},
                 {"answers",
                  {{"account", "newhire"}, {"request_type", "add"}, {"phone", "714 555 3001"}}}})
          .status,
      201);
  Reply done = ditc.post("/api/cart/checkout", {{"requested_for", "newhire"}});
  ASSERT_EQ(done.status, 201) << done.body;
  const std::string ritm = done.json["request"]["items"][0].value("number", "");
  ApiClient staff(port);
  ASSERT_EQ(staff.log_in("helpdesk").status, 200);
  ASSERT_EQ(staff.post("/api/fulfilment/" + ritm + "/fulfil", nlohmann::json::object()).status,
            200);
}

TEST(FileModeTest, DataFolderIs0700AndEveryFileInIt0600) {
  TempDir dir;
  const fs::path data = dir.path() / "fresh" / "data";
  auto host = std::make_unique<HostProcess>(data, std::vector<std::string>{}, dir.path());
  order_and_fulfil(host->port());
  bool saw_wal = false;
  bool saw_mail = false;
  bool saw_ledger = false;
  ASSERT_TRUE(eventually([&] { return !files_in(data / "mail" / "new").empty(); }));
  EXPECT_EQ(mode_of(data), 0700u);
  for (const auto& entry : fs::recursive_directory_iterator(data)) {
    const std::string name = entry.path().filename().string();
    saw_wal |= name == "servicedesk.db-wal";
    saw_mail |= entry.path().parent_path().filename() == "new";
    saw_ledger |= name.find("ledger") != std::string::npos;
    EXPECT_EQ(mode_of(entry.path()) & 077u, 0u)
        << entry.path() << " is " << std::oct << mode_of(entry.path());
  }
  EXPECT_TRUE(saw_wal);
  EXPECT_TRUE(saw_mail);
  EXPECT_TRUE(saw_ledger);
  host->stop();
  EXPECT_EQ(host->log().find("others on this machine may read it"), std::string::npos);
}

TEST(FileModeTest, LooserExistingFilesAreNamedAtStart) {
  TempDir dir;
  const fs::path data = dir.path() / "data";
  fs::create_directories(data);
  fs::permissions(data, fs::perms(0755), fs::perm_options::replace);
  std::ofstream(data / "old-export.csv") << "phone\n";
  fs::permissions(data / "old-export.csv", fs::perms(0644), fs::perm_options::replace);
  HostProcess host(data, {}, dir.path());
  const std::string log = host.log();
  EXPECT_NE(log.find(data.string() + " is mode 755"), std::string::npos) << log;
  EXPECT_NE(log.find("old-export.csv is mode 644"), std::string::npos) << log;
}

TEST(MetricsAccessTest, ItStaffOrTheScrapersTokenOnly) {
  TempDir dir;
  ::setenv("SERVICEDESK_TEST_METRICS_TOKEN", "scraper-token-0123456789", 1);
  auto host = start_host(dir.path(), "metrics:\n  token_env: SERVICEDESK_TEST_METRICS_TOKEN\n");
  ::unsetenv("SERVICEDESK_TEST_METRICS_TOKEN");
  httplib::Client scraper("127.0.0.1", host->port());
  EXPECT_EQ(scraper.Get("/metrics")->status, 401);
  EXPECT_EQ(scraper.Get("/metrics", {{"Authorization", "Bearer wrong-token-0123456789xx"}})->status,
            401);
  auto scraped = scraper.Get("/metrics", {{"Authorization", "Bearer scraper-token-0123456789"}});
  ASSERT_EQ(scraped->status, 200);
  EXPECT_NE(scraped->body.find("servicedesk_http_requests_total"), std::string::npos);

  ApiClient ditc(host->port());
  ASSERT_EQ(ditc.log_in("dcoordinator").status, 200);
  EXPECT_EQ(ditc.get("/metrics").status, 403);
  ApiClient staff(host->port());
  ASSERT_EQ(staff.log_in("helpdesk").status, 200);
  EXPECT_EQ(staff.get("/metrics").status, 200);
  host->stop();
  EXPECT_EQ(host->log().find("scraper-token"), std::string::npos);
}

/// A self-signed certificate for 127.0.0.1, made with openssl for this test only.
void make_certificate(const fs::path& cert, const fs::path& key) {
  const std::string command =
      "openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=127.0.0.1 "
      "-addext subjectAltName=IP:127.0.0.1 -keyout " +
      key.string() + " -out " + cert.string() + " 2>/dev/null";
  ASSERT_EQ(std::system(command.c_str()), 0);
}

TEST(TlsTest, ServesHttpsWithASecureSessionCookie) {
  TempDir dir;
  const fs::path cert = dir.path() / "cert.pem";
  const fs::path key = dir.path() / "key.pem";
  make_certificate(cert, key);
  auto host = start_host(
      dir.path(), "tls:\n  cert_file: " + cert.string() + "\n  key_file: " + key.string() + "\n");
  EXPECT_NE(host->log().find("ready on https://"), std::string::npos);
  httplib::SSLClient client("127.0.0.1", host->port());
  client.set_ca_cert_path(cert.string().c_str());
  client.enable_server_certificate_verification(true);
  auto answer = client.Post("/api/session", R"({"username":"dcoordinator","password":"demo"})",
                            "application/json");
  ASSERT_TRUE(answer) << httplib::to_string(answer.error());
  EXPECT_EQ(answer->status, 200);
  const std::string cookie = answer->get_header_value("Set-Cookie");
  EXPECT_NE(cookie.find("; Secure"), std::string::npos) << cookie;
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  // Plain HTTP on the TLS port gets no answer from the API.
  httplib::Client plain("127.0.0.1", host->port());
  plain.set_read_timeout(3, 0);
  auto refused = plain.Get("/healthz");
  EXPECT_TRUE(!refused || refused->status != 200);
}

TEST(TlsTest, BehindATlsProxyTheCookieIsSecureToo) {
  TempDir dir;
  auto host = start_host(dir.path(), "behind_tls_proxy: true\n");
  ApiClient client(host->port());
  const Reply reply = client.log_in("dcoordinator");
  EXPECT_NE(reply.header("Set-Cookie").find("; Secure"), std::string::npos);

  TempDir plain_dir;
  HostProcess plain(plain_dir.path() / "data");
  ApiClient plain_client(plain.port());
  EXPECT_EQ(plain_client.log_in("dcoordinator").header("Set-Cookie").find("Secure"),
            std::string::npos);
}

}  // namespace
}  // namespace servicedesk::test
