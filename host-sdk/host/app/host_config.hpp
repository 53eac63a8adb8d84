// The host's configuration: built-in defaults, then a YAML file, then command-line flags.
#pragma once

#include <cstddef>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "auth/auth_settings.hpp"
#include "directory/ldap_settings.hpp"
#include "http/connection_limits.hpp"
#include "jobs/job_settings.hpp"
#include "servicedesk/config_node.hpp"

namespace YAML {
class Node;
}

namespace servicedesk::host {

/// Where mail goes: a maildir folder (default <data_dir>/mail) or an SMTP server.
struct MailConfig {
  std::filesystem::path maildir;  ///< empty: <data_dir>/mail
  std::string smtp_url;           ///< "smtp://127.0.0.1:2525"; wins over maildir when set
  bool starttls = false;
  std::string user;
  std::string password_env;  ///< name of the environment variable holding the password
  std::string from_address = "servicedesk@example.edu";
  int poll_interval_ms = 1000;
  int initial_backoff_ms = 1000;
  int max_backoff_ms = 300000;
};

/// Where the host keeps its data (`store:`): SQLite in the data folder, or PostgreSQL.
struct StoreConfig {
  std::string postgres;       ///< libpq URL; empty: SQLite at <data_dir>/servicedesk.db
  std::size_t pool_size = 8;  ///< PostgreSQL connections per host
  /// Apply missing schema steps at start; unset: yes for SQLite (the embedded default keeps
  /// starting with no extra step), no for PostgreSQL (run `servicedesk-host migrate`).
  std::optional<bool> migrate_on_start;
  int mail_lease_seconds = 60;  ///< how long a host owns the mails it claimed
};

/// The HTTP front: threads for requests that write, limits, connection caps.
struct HttpConfig {
  std::size_t worker_threads = 32;  ///< POST/DELETE wait for the disk here, not on the loop
  ConnectionLimits limits;
  std::size_t max_connections = 10000;
  std::size_t max_connections_per_client = 1000;
};

/// Everything `serve` needs. Paths are as given; relative ones resolve against the
/// working directory.
struct HostConfig {
  std::string listen_host = "127.0.0.1";
  int listen_port = 8080;
  std::filesystem::path data_dir = "var";
  /// Plugin folders and catalog folders, searched in order (`--plugin-dir` and
  /// `--catalog-dir` repeat; the config file takes a path or a list).
  std::vector<std::filesystem::path> plugin_dirs;
  std::vector<std::filesystem::path> catalog_dirs;
  std::filesystem::path web_dir;
  std::filesystem::path directory_file;  ///< empty: the demo directory (demo mode)
  /// `directory.ldap`: when `url` is set, people come from the directory server instead.
  LdapSettings ldap;
  /// `auth`: how people log in; see AuthSettings.
  AuthSettings auth;
  /// `ditc_scope`: "campus" (default) or "department" (a DITC orders only for their own
  /// department's people and accounts).
  std::string ditc_scope = "campus";
  /// Event-loop threads; 0: one per core. An idle connection costs memory, not a thread.
  std::size_t threads = 0;
  HttpConfig http;
  std::filesystem::path tls_cert_file;  ///< with tls_key_file: serve HTTPS
  std::filesystem::path tls_key_file;
  bool behind_tls_proxy = false;  ///< a TLS proxy fronts the host: cookies get `Secure`
  std::string metrics_token_env;  ///< variable holding the /metrics bearer token
  int session_idle_minutes = 30;
  MailConfig mail;
  StoreConfig store;
  /// `jobs`: the fulfilment job worker (host id, lease, backoff, attempts).
  JobSettings jobs;
  /// Each plugin's own section as written: `plugins: {<plugin name>: {...}}`.
  std::map<std::string, ConfigNode> plugins;
};

/// The embedded defaults of this build (plugins, catalog and portal from the build tree).
HostConfig default_config();

/// Reads `file` over `config`. Returns the problems found (`file:line:col: message`).
std::vector<std::string> apply_config_file(const std::filesystem::path& file, HostConfig& config);

/// Reads the `directory` and `auth` sections (identity_config.cpp); problems as above.
void apply_directory_section(const std::filesystem::path& file, const YAML::Node& node,
                             HostConfig& config, std::vector<std::string>& problems);
void apply_auth_section(const std::filesystem::path& file, const YAML::Node& node,
                        HostConfig& config, std::vector<std::string>& problems);
/// After the file and the flags: reads the secrets named by *_env settings, picks the default
/// auth mode (ldap_bind with an LDAP directory, else local) and checks the mode fits the
/// directory. Returns the problems.
std::vector<std::string> finish_identity_settings(HostConfig& config);

/// Parses "HOST:PORT" into the config; false when it is not one.
bool apply_listen(const std::string& text, HostConfig& config);

}  // namespace servicedesk::host
