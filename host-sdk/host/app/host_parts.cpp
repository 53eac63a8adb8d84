// Loading the directory and the plugins with their services.
#include "app/host_parts.hpp"

#include <iostream>

#include <spdlog/spdlog.h>

#include "directory/directory_loader.hpp"

namespace servicedesk::host {

std::unique_ptr<HostParts> load_host_parts(const HostConfig& config, std::string& error) {
  auto parts = std::make_unique<HostParts>();
  if (!config.ldap.url.empty()) {
    auto loaded = load_ldap_directory(config.ldap);
    if (!loaded.directory) {
      error = loaded.error;
      return nullptr;
    }
    spdlog::info("directory: {} entries from {} in {:.2f} s", loaded.directory->size(),
                 config.ldap.url, loaded.seconds);
    parts->directory =
        std::make_unique<LiveDirectory>(std::move(loaded.directory), config.ldap.url);
    parts->refresher =
        std::make_unique<LdapRefresher>(config.ldap, *parts->directory, loaded.fingerprint);
  } else {
    parts->demo_directory = config.directory_file.empty();
    const std::filesystem::path file = parts->demo_directory
                                           ? std::filesystem::path(SERVICEDESK_DEMO_DIRECTORY)
                                           : config.directory_file;
    auto loaded = load_directory_file(file);
    if (!loaded.ok()) {
      error = "cannot load the directory " + file.string() + ":";
      for (const auto& diagnostic : loaded.diagnostics) error += "\n  " + diagnostic.to_string();
      return nullptr;
    }
    parts->directory = std::make_unique<LiveDirectory>(std::move(loaded.directory), file.string());
  }

  HostParts* raw = parts.get();
  const HostConfig* settings = &config;
  parts->plugins = std::make_unique<PluginRegistry>([raw, settings](std::string_view plugin) {
    auto section = settings->plugins.find(std::string(plugin));
    return make_plugin_services(plugin, *raw->directory, raw->mail,
                                section == settings->plugins.end() ? ConfigNode{} : section->second,
                                settings->data_dir, raw->config_problems, raw->plugin_counters);
  });
  // The registry logs each plugin it loads or refuses.
  for (const auto& folder : config.plugin_dirs) parts->plugins->load_directory(folder);
  const std::vector<std::string> problems = parts->config_problems.lines();
  if (!problems.empty()) {
    error = "the plugins' configuration has mistakes; nothing was started:";
    for (const auto& line : problems) error += "\n  " + line;
    return nullptr;
  }
  return parts;
}

std::unique_ptr<HostParts> load_host_parts_for_command(const HostConfig& config,
                                                       spdlog::level::level_enum level) {
  spdlog::set_level(level);
  std::string error;
  auto parts = load_host_parts(config, error);
  if (!parts) std::cerr << error << "\n";
  return parts;
}

}  // namespace servicedesk::host
