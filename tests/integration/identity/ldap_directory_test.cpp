// People, accounts and roles from a real slapd: search, roles, refresh, outage and recovery.
#include <thread>

#include "directory/people_generator.hpp"
#include "identity_fixture.hpp"

namespace servicedesk::test {
namespace {

const std::string kLdapBind = "auth: { mode: ldap_bind }\n";

std::vector<std::string> usernames(const Reply& reply) {
  std::vector<std::string> names;
  for (const auto& result : reply.json["results"]) names.push_back(result["username"]);
  return names;
}

class LdapDirectory : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    host_ = std::make_unique<ConfiguredHost>(ldap_config(campus_ldap().url(), kLdapBind));
  }
  static void TearDownTestSuite() { host_.reset(); }
  static inline std::unique_ptr<ConfiguredHost> host_;
};

TEST_F(LdapDirectory, SearchByLastFirstAndByUsername) {
  ApiClient client = host_->as("dcoordinator", "dcoordinator-pw");
  const Reply by_name = client.get("/api/directory/search?q=Titan,%20Tuffy&kind=person");
  ASSERT_EQ(by_name.status, 200) << by_name.body;
  ASSERT_FALSE(usernames(by_name).empty());
  EXPECT_EQ(usernames(by_name)[0], "tuffytitan");
  EXPECT_EQ(by_name.json["results"][0]["display_name"], "Titan, Tuffy");
  EXPECT_EQ(by_name.json["results"][0]["department"], "Athletics");
  EXPECT_EQ(usernames(client.get("/api/directory/search?q=tuffytitan"))[0], "tuffytitan");
  // One of the 10,000 generated people, found by "Last, First" and by username.
  const auto generated = host::generate_people(kGeneratedPeople)[7654].entry;
  const Reply someone = client.get("/api/directory/search?q=" + generated.username);
  ASSERT_FALSE(usernames(someone).empty());
  EXPECT_EQ(usernames(someone)[0], generated.username);
  EXPECT_EQ(someone.json["results"][0]["display_name"], generated.display_name);
  const Reply accounts = client.get("/api/directory/search?q=athletics&kind=administrative");
  ASSERT_EQ(usernames(accounts), std::vector<std::string>{"athletics-admin"});
  EXPECT_EQ(accounts.json["results"][0]["kind"], "administrative");
}

TEST_F(LdapDirectory, RolesComeFromGroupOfNamesAndGroupOfUniqueNames) {
  ApiClient client(host_->port());
  auto roles_of = [&](const std::string& username) {
    const Reply reply = client.log_in(username, username + "-pw");
    EXPECT_EQ(reply.status, 200) << reply.body;
    return reply.json["user"]["roles"];
  };
  EXPECT_EQ(roles_of("dcoordinator"), nlohmann::json::array({"ditc"}));
  EXPECT_EQ(roles_of("ppatel"), nlohmann::json::array({"ditc"})) << "member DN in other case";
  EXPECT_EQ(roles_of("helpdesk"), nlohmann::json::array({"it_staff"})) << "uniqueMember";
  EXPECT_EQ(roles_of("tuffytitan"), nlohmann::json::array());
}

TEST_F(LdapDirectory, HealthAndMetricsNameTheSourceAndSize) {
  ApiClient client = host_->as("helpdesk", "helpdesk-pw");
  const Reply health = client.get("/healthz");
  EXPECT_EQ(health.json["status"], "ok");
  EXPECT_EQ(health.json["directory"]["source"], campus_ldap().url());
  EXPECT_GE(health.json["directory"]["entries"].get<int>(), 10000);
  EXPECT_EQ(health.json["directory"]["stale"], false);
  const Reply metrics = client.get("/metrics");
  EXPECT_NE(metrics.body.find("servicedesk_directory_stale 0"), std::string::npos);
  EXPECT_NE(metrics.body.find("servicedesk_directory_entries 100"), std::string::npos);
}

TEST(LdapRefresh, PicksUpAnAddedAndARemovedPerson) {
  ConfiguredHost host(ldap_config(campus_ldap().url(), kLdapBind, 1));
  ApiClient client = host.as("dcoordinator", "dcoordinator-pw");
  auto found = [&] {
    return !usernames(client.get("/api/directory/search?q=Newcomer,%20Nadia")).empty();
  };
  EXPECT_FALSE(found());
  campus_ldap().add("dn: uid=nnewcomer,ou=people," + std::string(kBaseDn) +
                    "\nobjectClass: inetOrgPerson\nuid: nnewcomer\ncn: Nadia Newcomer\n"
                    "givenName: Nadia\nsn: Newcomer\nmail: nnewcomer@example.edu\n"
                    "userPassword: nnewcomer-pw\n");
  EXPECT_TRUE(eventually(found, 15.0)) << "added person appears";
  EXPECT_EQ(host.as("nnewcomer", "nnewcomer-pw").get("/api/catalog").status, 200);
  campus_ldap().remove("uid=nnewcomer,ou=people," + std::string(kBaseDn));
  EXPECT_TRUE(eventually([&] { return !found(); }, 15.0)) << "removed person disappears";
  EXPECT_EQ(ApiClient(host.port()).log_in("nnewcomer", "nnewcomer-pw").status, 401);
}

TEST(LdapOutage, LastGoodCopyIsKeptAndReportedThenRecovers) {
  TempDir dir;
  SlapdServer own(dir.path() / "slapd", campus_ldif(50));
  ConfiguredHost host(ldap_config(own.url(),
                                  "auth: { mode: trusted_header, trusted_header: "
                                  "{ proxies: [127.0.0.1/32], secret_env: PROXY_SECRET } }\n",
                                  1));
  ApiClient client(host.port());
  client.extra_headers = {{"X-Remote-User", "dcoordinator"}, {"X-Proxy-Secret", kProxySecret}};
  client.adopt_session(client.get("/api/session"));
  own.stop();
  EXPECT_TRUE(
      eventually([&] { return client.get("/healthz").json["status"] == "degraded"; }, 15.0));
  const Reply health = client.get("/healthz");
  EXPECT_EQ(health.json["directory"]["stale"], true);
  EXPECT_GE(health.json["directory"]["refresh_failures"].get<int>(), 1);
  EXPECT_EQ(health.json["directory"]["entries"].get<int>(), 50 + 8);
  EXPECT_EQ(health.body.find("Can't contact"), std::string::npos)
      << "the error text stays in the log";
  ApiClient staff(host.port());  // /metrics is for IT staff
  staff.extra_headers = {{"X-Remote-User", "helpdesk"}, {"X-Proxy-Secret", kProxySecret}};
  staff.adopt_session(staff.get("/api/session"));
  EXPECT_NE(staff.get("/metrics").body.find("servicedesk_directory_stale 1"), std::string::npos);
  EXPECT_EQ(usernames(client.get("/api/directory/search?q=tuffytitan"))[0], "tuffytitan")
      << "the last good copy still answers";
  EXPECT_NE(host.host().log().find("serving the last good copy"), std::string::npos);
  own.start();
  EXPECT_TRUE(eventually([&] { return client.get("/healthz").json["status"] == "ok"; }, 15.0));
  EXPECT_EQ(client.get("/healthz").json["directory"]["stale"], false);
}

}  // namespace
}  // namespace servicedesk::test
