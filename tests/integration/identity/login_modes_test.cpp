// Log-in per person: LDAP bind with each person's own password, and single sign-on through a
// trusted reverse proxy; the article's Update flow in each mode.
#include "identity_fixture.hpp"

namespace servicedesk::test {
namespace {

const std::string kTrusted =
    "auth:\n  mode: trusted_header\n  trusted_header: { header: X-Remote-User, proxies: "
    "[127.0.0.1/32], secret_header: X-Proxy-Secret, secret_env: PROXY_SECRET }\n";

class LdapBind : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    host_ = std::make_unique<ConfiguredHost>(
        ldap_config(campus_ldap().url(), "auth: { mode: ldap_bind }\n"));
  }
  static void TearDownTestSuite() { host_.reset(); }
  static inline std::unique_ptr<ConfiguredHost> host_;
};

TEST_F(LdapBind, OwnPasswordLogsInWrongOnesDoNot) {
  ApiClient client(host_->port());
  EXPECT_EQ(client.log_in("tuffytitan", "tuffytitan-pw").status, 200);
  EXPECT_EQ(client.log_in("helpdesk", "tuffytitan-pw").status, 401) << "tuffy's password";
  EXPECT_EQ(client.log_in("helpdesk", "demo").status, 401) << "no shared password";
  EXPECT_EQ(client.log_in("helpdesk", "").status, 401) << "no anonymous bind";
  EXPECT_EQ(client.log_in("dcoordinator", kServicePassword).status, 401);
  EXPECT_EQ(client.log_in("athletics-admin", "athletics-admin-pw").status, 401)
      << "administrative accounts never log in, even with their own password";
  EXPECT_EQ(client.log_in("nobody*", "x").status, 401) << "filter characters are escaped";
  const Reply helpdesk = client.log_in("helpdesk", "helpdesk-pw");
  EXPECT_EQ(helpdesk.status, 200);
  EXPECT_EQ(helpdesk.json["user"]["display_name"], "Desk, Help");
  const std::string log = host_->host().log();
  EXPECT_EQ(log.find("tuffytitan-pw"), std::string::npos) << "passwords never reach the log";
  EXPECT_NE(log.find("log-in: failed for user \"helpdesk\""), std::string::npos);
}

TEST_F(LdapBind, DitcCompletesTheArticlesUpdateAndStaffFulfilIt) {
  ApiClient ditc = host_->as("dcoordinator", "dcoordinator-pw");
  const std::string ritm = order_update_for_tuffy(ditc, "(714) 555-0177");
  ASSERT_FALSE(ritm.empty());
  ApiClient staff = host_->as("helpdesk", "helpdesk-pw");
  const Reply fulfilled =
      staff.post("/api/fulfilment/" + ritm + "/fulfil", nlohmann::json::object());
  EXPECT_EQ(fulfilled.status, 200) << fulfilled.body;
}

class TrustedHeader : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    host_ = std::make_unique<ConfiguredHost>(ldap_config(campus_ldap().url(), kTrusted));
  }
  static void TearDownTestSuite() { host_.reset(); }
  static ApiClient proxied(const std::string& user, const std::string& secret = kProxySecret) {
    ApiClient client(host_->port());
    client.extra_headers = {{"X-Remote-User", user}};
    if (!secret.empty()) client.extra_headers.emplace("X-Proxy-Secret", secret);
    return client;
  }
  static inline std::unique_ptr<ConfiguredHost> host_;
};

TEST_F(TrustedHeader, AllowedProxyWithTheSecretIsAcceptedWithoutALogInForm) {
  ApiClient client = proxied("dcoordinator");
  const Reply session = client.get("/api/session");
  ASSERT_EQ(session.status, 200) << session.body;
  EXPECT_EQ(session.json["user"]["username"], "dcoordinator");
  EXPECT_EQ(session.json["user"]["roles"], nlohmann::json::array({"ditc"}));
  client.adopt_session(session);
  EXPECT_EQ(client.get("/api/catalog").status, 200);
  EXPECT_EQ(client.get("/api/session").json["csrf_token"], session.json["csrf_token"])
      << "the same session on the next call";
  EXPECT_EQ(client.post("/api/session", {{"username", "dcoordinator"}, {"password", "x"}}).status,
            403)
      << "no password log-in in this mode";
}

TEST_F(TrustedHeader, MissingOrWrongSecretIsRefusedAndLogged) {
  EXPECT_EQ(proxied("dcoordinator", "").get("/api/session").status, 401);
  EXPECT_EQ(proxied("dcoordinator", "guess").get("/api/session").status, 401);
  EXPECT_EQ(proxied("athletics-admin").get("/api/session").status, 401)
      << "administrative accounts never log in";
  // A session cookie alone is not enough: every call must come through the proxy.
  ApiClient client = proxied("dcoordinator");
  client.adopt_session(client.get("/api/session"));
  client.extra_headers = {{"X-Remote-User", "dcoordinator"}};
  EXPECT_EQ(client.get("/api/catalog").status, 401);
  client.extra_headers = {{"X-Remote-User", "helpdesk"}, {"X-Proxy-Secret", kProxySecret}};
  EXPECT_EQ(client.get("/api/fulfilment/queue").status, 401) << "another user's header";
  EXPECT_NE(host_->host().log().find("request without the X-Proxy-Secret header"),
            std::string::npos);
}

TEST_F(TrustedHeader, TheArticlesUpdateThroughTheProxy) {
  ApiClient ditc = proxied("dcoordinator");
  ditc.adopt_session(ditc.get("/api/session"));
  const std::string ritm = order_update_for_tuffy(ditc, "(714) 555-0178");
  ASSERT_FALSE(ritm.empty());
  ApiClient staff = proxied("helpdesk");
  staff.adopt_session(staff.get("/api/session"));
  EXPECT_EQ(staff.post("/api/fulfilment/" + ritm + "/fulfil", nlohmann::json::object()).status,
            200);
}

TEST(TrustedHeaderElsewhere, HeaderFromAnAddressThatIsNotTheProxyIsRefused) {
  ConfiguredHost host(ldap_config(campus_ldap().url(),
                                  "auth: { mode: trusted_header, trusted_header: { proxies: "
                                  "[10.9.0.0/16], secret_env: PROXY_SECRET } }\n"));
  ApiClient client(host.port());
  client.extra_headers = {{"X-Remote-User", "dcoordinator"}, {"X-Proxy-Secret", kProxySecret}};
  EXPECT_EQ(client.get("/api/session").status, 401);
  EXPECT_NE(host.host().log().find("not a configured proxy"), std::string::npos);
}

}  // namespace
}  // namespace servicedesk::test
