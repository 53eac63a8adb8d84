// The shared slapd (a gtest Environment) and configured hosts for the identity tests.
#include "identity_fixture.hpp"

#include <cstdlib>
#include <fstream>

namespace servicedesk::test {
namespace {

class CampusLdapEnvironment : public ::testing::Environment {
 public:
  void SetUp() override {
    setenv("LDAP_PASSWORD", kServicePassword, 1);
    setenv("PROXY_SECRET", kProxySecret, 1);
    dir_ = std::make_unique<TempDir>();
    server_ = std::make_unique<SlapdServer>(dir_->path() / "slapd", campus_ldif(kGeneratedPeople));
  }
  void TearDown() override {
    server_.reset();
    dir_.reset();
  }
  static inline std::unique_ptr<TempDir> dir_;
  static inline std::unique_ptr<SlapdServer> server_;
};

const auto* const kEnvironment = ::testing::AddGlobalTestEnvironment(new CampusLdapEnvironment);

}  // namespace

SlapdServer& campus_ldap() {
  return *CampusLdapEnvironment::server_;
}

std::string ldap_config(const std::string& url, const std::string& extra, int refresh_seconds) {
  return "directory:\n"
         "  ldap:\n"
         "    url: " +
         url +
         "\n"
         "    bind_dn: " +
         kServiceDn +
         "\n"
         "    bind_password_env: LDAP_PASSWORD\n"
         "    base_dn: " +
         kBaseDn +
         "\n"
         "    person_filter: (&(objectClass=inetOrgPerson)(!(employeeType=administrative)))\n"
         "    administrative_filter: (&(objectClass=inetOrgPerson)(employeeType=administrative))\n"
         "    attributes: { username: uid, first_name: givenName, last_name: sn, display_name: "
         "displayName, email: mail, department: departmentNumber }\n"
         "    roles:\n"
         "      ditc: cn=ditc,ou=groups," +
         kBaseDn +
         "\n"
         "      it_staff: cn=it-staff,ou=groups," +
         kBaseDn +
         "\n"
         "    refresh_seconds: " +
         std::to_string(refresh_seconds) + "\n" + extra;
}

ConfiguredHost::ConfiguredHost(const std::string& config_text) : data_(dir_.path() / "data") {
  const auto file = dir_.path() / "host.yaml";
  std::ofstream(file) << config_text;
  host_ = std::make_unique<HostProcess>(data_, std::vector<std::string>{"--config", file.string()});
}

ApiClient ConfiguredHost::as(const std::string& username, const std::string& password) {
  ApiClient client(port());
  const Reply reply = client.log_in(username, password);
  EXPECT_EQ(reply.status, 200) << username << ": " << reply.body;
  return client;
}

std::string order_update_for_tuffy(ApiClient& ditc, const std::string& phone) {
  const nlohmann::json line = {
      {"item", "duo-account-updates"},
      {"answers", {{"account", "tuffytitan"}, {"request_type", "update"}, {"phone", phone}}}};
  const Reply added = ditc.post("/api/cart/items", line);
  EXPECT_EQ(added.status, 201) << added.body;
  const Reply checkout = ditc.post("/api/cart/checkout",
                                   {{"requested_for", "tuffytitan"}, {"special_instructions", ""}});
  EXPECT_EQ(checkout.status, 201) << checkout.body;
  if (checkout.status != 201) return {};
  return checkout.json["request"]["items"][0]["number"].get<std::string>();
}

}  // namespace servicedesk::test
