// The nginx single sign-on snippet of docs/identity.md, run as written in front of a real host:
// a real nginx (auth_request) and a stand-in for its sign-on helper (sso_helper.py).
#include <unistd.h>

#include <fstream>
#include <regex>

#include "child_process.hpp"
#include "identity_fixture.hpp"

namespace servicedesk::test {
namespace {

const std::filesystem::path kNginx = "/usr/sbin/nginx";

/// The ```nginx block of docs/identity.md.
std::string documented_nginx_snippet() {
  const std::string doc = read_file(IDENTITY_DOC);
  const auto start = doc.find("```nginx\n");
  if (start == std::string::npos) return "";
  const auto body = start + 9;
  return doc.substr(body, doc.find("```", body) - body);
}

/// Replaces every `from` in `text` by `to`; fails the test when there is none.
void replace_all(std::string& text, const std::string& from, const std::string& to) {
  EXPECT_NE(text.find(from), std::string::npos) << "the documented snippet no longer has " << from;
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
}

/// The sign-on helper and nginx, with the documented server block pointed at the test's ports.
class NginxSso {
 public:
  explicit NginxSso(int host_port) {
    const auto helper_out = dir_.path() / "sso_helper.out";
    helper_ = child::spawn({"/usr/bin/python3", SSO_HELPER_SCRIPT}, helper_out);
    const std::regex ready(R"(ready on (\d+))");
    std::smatch match;
    std::string text;
    if (!eventually([&] {
          text = read_file(helper_out);
          return std::regex_search(text, match, ready);
        }))
      throw std::runtime_error("sso_helper.py did not start: " + text);
    const int helper_port = std::stoi(match[1].str());

    port_ = free_port();
    std::string server = documented_nginx_snippet();
    replace_all(server, "listen 443 ssl;", "listen 127.0.0.1:" + std::to_string(port_) + ";");
    replace_all(server, "127.0.0.1:4180", "127.0.0.1:" + std::to_string(helper_port));
    replace_all(server, "127.0.0.1:8080", "127.0.0.1:" + std::to_string(host_port));
    replace_all(server, "change-me-to-the-PROXY_SECRET-value", kProxySecret);
    const std::string prefix = dir_.path().string();
    std::ofstream(dir_.path() / "nginx.conf")
        << "daemon off;\nuser root;\nworker_processes 1;\npid " << prefix << "/nginx.pid;\n"
        << "error_log " << prefix << "/error.log;\nevents { worker_connections 64; }\n"
        << "http {\n  access_log off;\n  client_body_temp_path " << prefix << "/body;\n"
        << "  proxy_temp_path " << prefix << "/proxy;\n  fastcgi_temp_path " << prefix
        << "/fastcgi;\n  uwsgi_temp_path " << prefix << "/uwsgi;\n  scgi_temp_path " << prefix
        << "/scgi;\n"
        << server << "}\n";
    nginx_ = child::spawn({kNginx.string(), "-p", prefix, "-c", prefix + "/nginx.conf"},
                          dir_.path() / "nginx.out");
    if (!eventually([&] {
          return static_cast<bool>(httplib::Client("127.0.0.1", port_).Get("/oauth2/sign_in"));
        }))
      throw std::runtime_error("nginx did not start: " + read_file(dir_.path() / "error.log") +
                               read_file(dir_.path() / "nginx.out"));
  }
  ~NginxSso() {
    child::terminate(nginx_);
    child::terminate(helper_);
  }
  NginxSso(const NginxSso&) = delete;
  NginxSso& operator=(const NginxSso&) = delete;
  int port() const { return port_; }

  /// A browser that finished single sign-on as `user` (its helper cookie), holding the host's
  /// session cookie too once it has one.
  ApiClient browser(const std::string& user) const {
    ApiClient client(port_);
    client.cookie = "_sso=" + user;
    const Reply session = client.get("/api/session");
    EXPECT_EQ(session.status, 200) << session.body;
    client.adopt_session(session);
    client.cookie = "_sso=" + user + "; " + client.cookie;
    return client;
  }

 private:
  TempDir dir_;
  pid_t helper_ = -1;
  pid_t nginx_ = -1;
  int port_ = 0;
};

class NginxSsoTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!std::filesystem::exists(kNginx)) return;
    ::setenv("PROXY_SECRET", kProxySecret, 1);
    host_ = std::make_unique<ConfiguredHost>(
        ldap_config(campus_ldap().url(),
                    "auth:\n  mode: trusted_header\n  trusted_header:\n    header: X-Remote-User\n"
                    "    proxies: [127.0.0.1/32]\n    secret_header: X-Proxy-Secret\n"
                    "    secret_env: PROXY_SECRET\n"));
    nginx_ = std::make_unique<NginxSso>(host_->port());
  }
  static void TearDownTestSuite() {
    nginx_.reset();
    host_.reset();
  }
  void SetUp() override {
    if (!nginx_) GTEST_SKIP() << kNginx << " is not installed (scripts/install-deps.sh --tests)";
  }
  static inline std::unique_ptr<ConfiguredHost> host_;
  static inline std::unique_ptr<NginxSso> nginx_;
};

TEST_F(NginxSsoTest, SignedOnBrowserIsThePersonTheHelperNamed) {
  ApiClient dana = nginx_->browser("dcoordinator");
  const Reply session = dana.get("/api/session");
  ASSERT_EQ(session.status, 200) << session.body;
  EXPECT_EQ(session.json["user"]["username"], "dcoordinator");
  EXPECT_EQ(dana.get("/api/catalog").status, 200);
  const std::string ritm = order_update_for_tuffy(dana, "(714) 555-0179");
  ASSERT_FALSE(ritm.empty());
  ApiClient staff = nginx_->browser("helpdesk");
  EXPECT_EQ(staff.post("/api/fulfilment/" + ritm + "/fulfil", nlohmann::json::object()).status,
            200);
}

TEST_F(NginxSsoTest, WithoutSignOnNginxSendsThePersonToTheSignOnPage) {
  ApiClient stranger(nginx_->port());
  const Reply refused = stranger.get("/api/catalog");
  EXPECT_EQ(refused.body, "single sign-on page") << refused.status;
}

TEST_F(NginxSsoTest, HeadersTheBrowserSendsAreReplacedByNginx) {
  ApiClient dana = nginx_->browser("dcoordinator");
  dana.extra_headers = {{"X-Remote-User", "helpdesk"}, {"X-Proxy-Secret", "guess"}};
  const Reply session = dana.get("/api/session");
  ASSERT_EQ(session.status, 200) << session.body;
  EXPECT_EQ(session.json["user"]["username"], "dcoordinator");
  EXPECT_EQ(dana.get("/api/fulfilment/queue").status, 403) << "still a DITC, not IT staff";
}

}  // namespace
}  // namespace servicedesk::test
