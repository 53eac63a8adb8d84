// The `directory.ldap` configuration section: where the directory server is and how to read it.
#pragma once

#include <chrono>
#include <map>
#include <string>

namespace servicedesk::host {

/// Which LDAP attribute holds each directory field.
struct LdapAttributes {
  std::string username = "uid";
  std::string first_name = "givenName";
  std::string last_name = "sn";
  std::string display_name = "displayName";
  std::string email = "mail";
  std::string department = "departmentNumber";
};

/// `directory.ldap`; key names as in the configuration file.
struct LdapSettings {
  std::string url;  ///< ldap://host:port or ldaps://host:port
  std::string bind_dn;
  std::string bind_password_env;  ///< name of the variable holding the service's password
  std::string bind_password;      ///< read from bind_password_env at start; never logged
  std::string base_dn;
  std::string person_filter = "(&(objectClass=inetOrgPerson)(!(employeeType=administrative)))";
  std::string administrative_filter = "(&(objectClass=inetOrgPerson)(employeeType=administrative))";
  LdapAttributes attributes;
  /// role name -> DN of a groupOfNames / groupOfUniqueNames whose members hold the role
  std::map<std::string, std::string> roles;
  int refresh_seconds = 300;
  bool starttls = false;  ///< StartTLS on an ldap:// URL
  std::string ca_file;    ///< CA certificates that sign the server's certificate (TLS)
  int page_size = 1000;
  std::chrono::seconds timeout{10};
};

}  // namespace servicedesk::host
