// StartTLS and ldaps:// with a CA file, against a real slapd with a throw-away CA.
#include <gtest/gtest.h>

#include <cstdlib>

#include "directory/ldap_directory_source.hpp"
#include "identity_fixture.hpp"

namespace servicedesk::test {
namespace {

class LdapTls : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = std::make_unique<TempDir>();
    server_ = std::make_unique<SlapdServer>(dir_->path() / "slapd", campus_ldif(20), true);
  }
  static void TearDownTestSuite() {
    server_.reset();
    dir_.reset();
  }
  static host::LdapSettings settings(const std::string& url) {
    host::LdapSettings ldap;
    ldap.url = url;
    ldap.bind_dn = kServiceDn;
    ldap.bind_password = kServicePassword;
    ldap.base_dn = kBaseDn;
    ldap.ca_file = server_->ca_file().string();
    return ldap;
  }
  static inline std::unique_ptr<TempDir> dir_;
  static inline std::unique_ptr<SlapdServer> server_;
};

TEST_F(LdapTls, StartTlsWithTheCaFileLoadsTheDirectory) {
  auto ldap = settings(server_->url());
  ldap.starttls = true;
  const auto loaded = host::load_ldap_records(ldap);
  EXPECT_TRUE(loaded.ok()) << loaded.error;
  EXPECT_EQ(loaded.records.size(), 20u + 8u);
}

TEST_F(LdapTls, LdapsWithTheCaFileLoadsAndBindsPeople) {
  const auto ldap = settings(server_->ldaps_url());
  const auto loaded = host::load_ldap_records(ldap);
  EXPECT_TRUE(loaded.ok()) << loaded.error;
  std::string error;
  EXPECT_TRUE(host::ldap_password_matches(ldap, "tuffytitan", "tuffytitan-pw", error)) << error;
  EXPECT_FALSE(host::ldap_password_matches(ldap, "tuffytitan", "wrong", error));
}

TEST_F(LdapTls, ACertificateFromAnotherCaIsRefused) {
  const auto other_ca = dir_->path() / "other-ca.pem";
  ASSERT_EQ(std::system(("openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj '/CN=Other CA' "
                         "-keyout " +
                         (dir_->path() / "other-ca.key").string() + " -out " + other_ca.string() +
                         " >/dev/null 2>&1")
                            .c_str()),
            0);
  auto ldap = settings(server_->url());
  ldap.starttls = true;
  ldap.ca_file = other_ca.string();  // a CA that did not sign the server's certificate
  const auto refused = host::load_ldap_records(ldap);
  EXPECT_FALSE(refused.ok());
  EXPECT_NE(refused.error.find("StartTLS"), std::string::npos) << refused.error;
  ldap = settings(server_->ldaps_url());
  ldap.ca_file = other_ca.string();
  EXPECT_FALSE(host::load_ldap_records(ldap).ok());
}

}  // namespace
}  // namespace servicedesk::test
