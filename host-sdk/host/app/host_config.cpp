// Reading the host's YAML configuration file.
#include "app/host_config.hpp"

#include <charconv>

#include <yaml-cpp/yaml.h>

#include "app/host_config_sections.hpp"

namespace servicedesk::host {
std::string where(const std::filesystem::path& file, const YAML::Node& node) {
  const auto mark = node.Mark();
  return file.string() + ":" + std::to_string(mark.line + 1) + ":" +
         std::to_string(mark.column + 1) + ": ";
}

namespace {

ConfigLocation location_of(const std::filesystem::path& file, const YAML::Node& node) {
  const auto mark = node.Mark();
  return {file.string(), mark.line + 1, mark.column + 1};
}

/// The YAML node as the SDK's tree, each node with its place in `file`.
ConfigNode to_config_node(const std::filesystem::path& file, const YAML::Node& node) {
  if (node.IsScalar()) return ConfigNode::make_scalar(node.Scalar(), location_of(file, node));
  if (node.IsSequence()) {
    ConfigNode list = ConfigNode::make_list(location_of(file, node));
    for (const auto& item : node) list.push_back(to_config_node(file, item));
    return list;
  }
  if (node.IsMap()) {
    ConfigNode map = ConfigNode::make_map(location_of(file, node));
    for (const auto& entry : node)
      map.add(entry.first.as<std::string>(""), to_config_node(file, entry.second),
              location_of(file, entry.first));
    return map;
  }
  return ConfigNode::make_map(location_of(file, node));  // `name:` with nothing: empty section
}

}  // namespace

HostConfig default_config() {
  HostConfig config;
  config.plugin_dirs = {SERVICEDESK_DEFAULT_PLUGIN_DIR};
  config.catalog_dirs = {SERVICEDESK_DEFAULT_CATALOG_DIR};
  config.web_dir = SERVICEDESK_DEFAULT_WEB_DIR;
  return config;
}

bool apply_listen(const std::string& text, HostConfig& config) {
  const auto colon = text.rfind(':');
  if (colon == std::string::npos || colon == 0) return false;
  int port = -1;
  const char* begin = text.data() + colon + 1;
  const char* end = text.data() + text.size();
  auto [stop, ec] = std::from_chars(begin, end, port);
  if (ec != std::errc() || stop != end || port < 0 || port > 65535) return false;
  config.listen_host = text.substr(0, colon);
  config.listen_port = port;
  return true;
}

namespace {

void apply_mail_section(const std::filesystem::path& file, const YAML::Node& section,
                        MailConfig& mail, std::vector<std::string>& problems) {
  for (const auto& entry : section) {
    const std::string name = entry.first.as<std::string>("");
    const YAML::Node& setting = entry.second;
    if (name == "maildir")
      mail.maildir = setting.as<std::string>();
    else if (name == "smtp")
      mail.smtp_url = setting.as<std::string>();
    else if (name == "starttls")
      mail.starttls = setting.as<bool>();
    else if (name == "user")
      mail.user = setting.as<std::string>();
    else if (name == "password_env")
      mail.password_env = setting.as<std::string>();
    else if (name == "from")
      mail.from_address = setting.as<std::string>();
    else if (name == "poll_interval_ms")
      mail.poll_interval_ms = setting.as<int>();
    else if (name == "initial_backoff_ms")
      mail.initial_backoff_ms = setting.as<int>();
    else if (name == "max_backoff_ms")
      mail.max_backoff_ms = setting.as<int>();
    else
      problems.push_back(where(file, entry.first) + "unknown mail setting \"" + name + "\"");
  }
}

void apply_plugins_section(const std::filesystem::path& file, const YAML::Node& section,
                           HostConfig& config, std::vector<std::string>& problems) {
  if (!section.IsMap()) {
    problems.push_back(where(file, section) +
                       "expected `plugins:` to map plugin names to sections");
    return;
  }
  for (const auto& plugin : section) {
    if (!plugin.second.IsMap() && !plugin.second.IsNull()) {
      problems.push_back(where(file, plugin.second) + "expected the section of plugin \"" +
                         plugin.first.as<std::string>("") + "\" to be a mapping");
      continue;
    }
    config.plugins[plugin.first.as<std::string>()] = to_config_node(file, plugin.second);
  }
}

/// A top-level setting with a single value; false when `key` is not one.
bool apply_single_setting(const std::filesystem::path& file, const YAML::Node& key_node,
                          const YAML::Node& value, HostConfig& config,
                          std::vector<std::string>& problems) {
  const std::string key = key_node.as<std::string>("");
  if (key == "listen") {
    if (!apply_listen(value.as<std::string>(), config))
      problems.push_back(where(file, value) + "expected HOST:PORT");
  } else if (key == "data_dir") {
    config.data_dir = value.as<std::string>();
  } else if (key == "plugin_dir" || key == "catalog_dir") {
    auto& folders = key == "plugin_dir" ? config.plugin_dirs : config.catalog_dirs;
    folders.clear();
    if (value.IsSequence()) {
      for (const auto& item : value) folders.emplace_back(item.as<std::string>());
    } else {
      folders.emplace_back(value.as<std::string>());
    }
  } else if (key == "web_dir") {
    config.web_dir = value.as<std::string>();
  } else if (key == "directory_file") {
    config.directory_file = value.as<std::string>();
  } else if (key == "password_hash") {
    problems.push_back(where(file, key_node) +
                       "there is no shared password any more: give each person a "
                       "password_hash in the directory file, or use auth.mode ldap_bind or "
                       "trusted_header");
  } else if (key == "ditc_scope") {
    config.ditc_scope = value.as<std::string>();
    if (config.ditc_scope != "campus" && config.ditc_scope != "department")
      problems.push_back(where(file, value) + "ditc_scope is \"campus\" or \"department\"");
  } else if (key == "threads") {
    config.threads = value.as<std::size_t>();
  } else if (key == "behind_tls_proxy") {
    config.behind_tls_proxy = value.as<bool>();
  } else if (key == "session_idle_minutes") {
    config.session_idle_minutes = value.as<int>();
  } else {
    return false;
  }
  return true;
}

/// A top-level section of settings; false when `key` is not one.
bool apply_section(const std::filesystem::path& file, const std::string& key,
                   const YAML::Node& value, HostConfig& config,
                   std::vector<std::string>& problems) {
  if (key == "directory")
    apply_directory_section(file, value, config, problems);
  else if (key == "auth")
    apply_auth_section(file, value, config, problems);
  else if (key == "http")
    apply_http_section(file, value, config.http, problems);
  else if (key == "tls")
    apply_tls_section(file, value, config, problems);
  else if (key == "metrics")
    apply_metrics_section(file, value, config, problems);
  else if (key == "store")
    apply_store_section(file, value, config.store, problems);
  else if (key == "mail")
    apply_mail_section(file, value, config.mail, problems);
  else if (key == "jobs")
    apply_jobs_section(file, value, config.jobs, problems);
  else if (key == "plugins")
    apply_plugins_section(file, value, config, problems);
  else
    return false;
  return true;
}

}  // namespace

std::vector<std::string> apply_config_file(const std::filesystem::path& file, HostConfig& config) {
  std::vector<std::string> problems;
  YAML::Node root;
  try {
    root = YAML::LoadFile(file.string());
  } catch (const YAML::Exception& e) {
    problems.push_back(file.string() + ":" + std::to_string(e.mark.line + 1) + ":" +
                       std::to_string(e.mark.column + 1) + ": " + e.msg);
    return problems;
  }
  if (!root.IsMap()) {
    problems.push_back(file.string() + ":1:1: expected a mapping of settings");
    return problems;
  }
  for (const auto& entry : root) {
    const std::string key = entry.first.as<std::string>("");
    const YAML::Node& value = entry.second;
    try {
      if (!apply_single_setting(file, entry.first, value, config, problems) &&
          !apply_section(file, key, value, config, problems))
        problems.push_back(where(file, entry.first) + "unknown setting \"" + key + "\"");
    } catch (const YAML::Exception& e) {
      problems.push_back(where(file, value) + "bad value for \"" + key + "\": " + e.msg);
    }
  }
  return problems;
}

}  // namespace servicedesk::host
