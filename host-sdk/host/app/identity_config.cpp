// Reading the `directory` (LDAP) and `auth` sections of the host's configuration file.
#include <cstdlib>

#include <yaml-cpp/yaml.h>

#include "app/host_config.hpp"
#include "app/host_config_sections.hpp"

namespace servicedesk::host {
namespace {

void read_attributes(const std::filesystem::path& file, const YAML::Node& node,
                     LdapAttributes& attributes, std::vector<std::string>& problems) {
  for (const auto& item : node) {
    const std::string name = item.first.as<std::string>("");
    const std::string value = item.second.as<std::string>();
    if (name == "username")
      attributes.username = value;
    else if (name == "first_name")
      attributes.first_name = value;
    else if (name == "last_name")
      attributes.last_name = value;
    else if (name == "display_name")
      attributes.display_name = value;
    else if (name == "email")
      attributes.email = value;
    else if (name == "department")
      attributes.department = value;
    else
      problems.push_back(where(file, item.first) + "unknown attribute \"" + name +
                         "\": expected username, first_name, last_name, display_name, email "
                         "or department");
  }
}

void read_ldap(const std::filesystem::path& file, const YAML::Node& node, LdapSettings& ldap,
               std::vector<std::string>& problems) {
  for (const auto& item : node) {
    const std::string name = item.first.as<std::string>("");
    const YAML::Node& value = item.second;
    if (name == "url")
      ldap.url = value.as<std::string>();
    else if (name == "bind_dn")
      ldap.bind_dn = value.as<std::string>();
    else if (name == "bind_password_env")
      ldap.bind_password_env = value.as<std::string>();
    else if (name == "base_dn")
      ldap.base_dn = value.as<std::string>();
    else if (name == "person_filter")
      ldap.person_filter = value.as<std::string>();
    else if (name == "administrative_filter")
      ldap.administrative_filter = value.as<std::string>();
    else if (name == "attributes")
      read_attributes(file, value, ldap.attributes, problems);
    else if (name == "roles") {
      for (const auto& role : value)
        ldap.roles[role.first.as<std::string>()] = role.second.as<std::string>();
    } else if (name == "refresh_seconds")
      ldap.refresh_seconds = value.as<int>();
    else if (name == "starttls")
      ldap.starttls = value.as<bool>();
    else if (name == "ca_file")
      ldap.ca_file = value.as<std::string>();
    else if (name == "page_size")
      ldap.page_size = value.as<int>();
    else if (name == "timeout_seconds")
      ldap.timeout = std::chrono::seconds(value.as<int>());
    else if (name == "bind_password")
      problems.push_back(where(file, item.first) +
                         "the password never sits in a file: name a variable in bind_password_env");
    else
      problems.push_back(where(file, item.first) + "unknown LDAP setting \"" + name + "\"");
  }
  if (ldap.url.rfind("ldap://", 0) != 0 && ldap.url.rfind("ldaps://", 0) != 0)
    problems.push_back(where(file, node) +
                       "directory.ldap.url must start with ldap:// or ldaps://");
  if (ldap.base_dn.empty()) problems.push_back(where(file, node) + "directory.ldap needs base_dn");
  if (ldap.refresh_seconds < 1)
    problems.push_back(where(file, node) + "refresh_seconds must be at least 1");
}

void read_throttle(const std::filesystem::path& file, const YAML::Node& node,
                   ThrottleSettings& throttle, std::vector<std::string>& problems) {
  for (const auto& item : node) {
    const std::string name = item.first.as<std::string>("");
    const YAML::Node& value = item.second;
    if (name == "free_failures")
      throttle.free_failures = value.as<int>();
    else if (name == "first_lock_seconds")
      throttle.first_lock = std::chrono::seconds(value.as<int>());
    else if (name == "longest_lock_seconds")
      throttle.longest_lock = std::chrono::seconds(value.as<int>());
    else
      problems.push_back(where(file, item.first) + "unknown throttle setting \"" + name + "\"");
  }
  if (throttle.free_failures < 1 || throttle.first_lock.count() < 1 ||
      throttle.longest_lock < throttle.first_lock)
    problems.push_back(where(file, node) +
                       "throttle: free_failures and first_lock_seconds are at "
                       "least 1, longest_lock_seconds at least first");
}

void read_trusted_header(const std::filesystem::path& file, const YAML::Node& node,
                         TrustedHeaderSettings& trusted, std::vector<std::string>& problems) {
  for (const auto& item : node) {
    const std::string name = item.first.as<std::string>("");
    const YAML::Node& value = item.second;
    if (name == "header")
      trusted.header = value.as<std::string>();
    else if (name == "proxies")
      trusted.proxies = value.as<std::vector<std::string>>();
    else if (name == "secret_header")
      trusted.secret_header = value.as<std::string>();
    else if (name == "secret_env")
      trusted.secret_env = value.as<std::string>();
    else if (name == "secret")
      problems.push_back(where(file, item.first) +
                         "the secret never sits in a file: name a variable in secret_env");
    else
      problems.push_back(where(file, item.first) + "unknown trusted_header setting \"" + name +
                         "\"");
  }
}

}  // namespace

void apply_directory_section(const std::filesystem::path& file, const YAML::Node& node,
                             HostConfig& config, std::vector<std::string>& problems) {
  for (const auto& item : node) {
    const std::string name = item.first.as<std::string>("");
    if (name == "ldap")
      read_ldap(file, item.second, config.ldap, problems);
    else if (name == "file")
      config.directory_file = item.second.as<std::string>();
    else
      problems.push_back(where(file, item.first) + "unknown directory setting \"" + name +
                         "\": expected ldap or file");
  }
}

void apply_auth_section(const std::filesystem::path& file, const YAML::Node& node,
                        HostConfig& config, std::vector<std::string>& problems) {
  AuthSettings& auth = config.auth;
  for (const auto& item : node) {
    const std::string name = item.first.as<std::string>("");
    const YAML::Node& value = item.second;
    if (name == "mode") {
      const std::string mode = value.as<std::string>();
      auth.mode_given = true;
      if (mode == "local")
        auth.mode = AuthMode::local;
      else if (mode == "ldap_bind")
        auth.mode = AuthMode::ldap_bind;
      else if (mode == "trusted_header")
        auth.mode = AuthMode::trusted_header;
      else
        problems.push_back(where(file, value) +
                           "auth.mode is local, ldap_bind or trusted_header, not \"" + mode + "\"");
    } else if (name == "trusted_header") {
      read_trusted_header(file, value, auth.trusted_header, problems);
    } else if (name == "throttle_per_user") {
      read_throttle(file, value, auth.per_user, problems);
    } else if (name == "throttle_per_address") {
      read_throttle(file, value, auth.per_address, problems);
    } else {
      problems.push_back(where(file, item.first) + "unknown auth setting \"" + name + "\"");
    }
  }
}

std::vector<std::string> finish_identity_settings(HostConfig& config) {
  std::vector<std::string> problems;
  auto read = [&](const std::string& variable, std::string& out, const char* setting) {
    if (variable.empty()) return;
    const char* value = std::getenv(variable.c_str());
    if (value == nullptr || *value == '\0')
      problems.push_back(std::string(setting) + ": the environment variable " + variable +
                         " is not set");
    else
      out = value;
  };
  read(config.ldap.bind_password_env, config.ldap.bind_password,
       "directory.ldap.bind_password_env");
  read(config.auth.trusted_header.secret_env, config.auth.trusted_header.secret,
       "auth.trusted_header.secret_env");
  if (!config.auth.mode_given)
    config.auth.mode = config.ldap.url.empty() ? AuthMode::local : AuthMode::ldap_bind;
  if (config.auth.mode == AuthMode::ldap_bind && config.ldap.url.empty())
    problems.push_back("auth.mode ldap_bind needs directory.ldap");
  if (config.auth.mode == AuthMode::local && !config.ldap.url.empty())
    problems.push_back(
        "auth.mode local checks the directory file's password hashes, which an "
        "LDAP directory has not: use ldap_bind or trusted_header");
  return problems;
}

}  // namespace servicedesk::host
