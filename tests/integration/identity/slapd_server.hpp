// A real OpenLDAP slapd for tests: a generated tree loaded with slapadd, served on a free port.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <string>

namespace servicedesk::test {

inline constexpr const char* kBaseDn = "dc=example,dc=edu";
inline constexpr const char* kServiceDn = "cn=servicedesk,ou=services,dc=example,dc=edu";
inline constexpr const char* kServicePassword = "service-secret";
inline constexpr const char* kAdminDn = "cn=admin,dc=example,dc=edu";
inline constexpr const char* kAdminPassword = "admin-secret";

/// The LDIF of a campus: the demo people (each with the password "<username>-pw"), `people`
/// generated people, administrative accounts, the service account, and the groups ditc
/// (groupOfNames) and it-staff (groupOfUniqueNames).
std::string campus_ldif(std::size_t people);

/// One slapd with an mdb database in `folder`, listening on 127.0.0.1:`port()`.
class SlapdServer {
 public:
  /// Writes the configuration, loads `ldif` with slapadd and starts slapd. Throws on failure.
  /// With `tls`, makes a CA and a certificate for 127.0.0.1 and serves StartTLS on url() and
  /// TLS on ldaps_url().
  SlapdServer(const std::filesystem::path& folder, const std::string& ldif, bool tls = false);
  ~SlapdServer();
  SlapdServer(const SlapdServer&) = delete;
  SlapdServer& operator=(const SlapdServer&) = delete;

  int port() const { return port_; }
  std::string url() const { return "ldap://127.0.0.1:" + std::to_string(port_); }
  std::string ldaps_url() const { return "ldaps://127.0.0.1:" + std::to_string(tls_port_); }
  /// The CA certificate that signed the server's certificate (with tls).
  std::filesystem::path ca_file() const { return folder_ / "ca.pem"; }
  void stop();
  /// Starts again on the same port with the same data.
  void start();
  /// Runs ldapadd (`add`) or ldapdelete of `ldif_or_dn` as the directory's administrator.
  void add(const std::string& ldif);
  void remove(const std::string& dn);

 private:
  std::filesystem::path folder_;
  int port_ = 0;
  int tls_port_ = 0;
  pid_t pid_ = -1;
};

}  // namespace servicedesk::test
