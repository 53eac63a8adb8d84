// Loading the directory and the plugins with their services.
#include "app/host_parts.hpp"

#include "directory/directory_loader.hpp"

namespace servicedesk::host {

std::unique_ptr<HostParts> load_host_parts(const HostConfig& config, std::string& error) {
  auto parts = std::make_unique<HostParts>();
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
  parts->directory = std::move(loaded.directory);

  HostParts* raw = parts.get();
  const HostConfig* settings = &config;
  parts->plugins = std::make_unique<PluginRegistry>([raw, settings](std::string_view plugin) {
    auto section = settings->plugins.find(std::string(plugin));
    return make_plugin_services(plugin, *raw->directory, raw->mail,
                                section == settings->plugins.end() ? ConfigNode{} : section->second,
                                settings->data_dir, raw->config_problems, raw->plugin_counters);
  });
  // The registry logs each plugin it loads or refuses.
  parts->plugins->load_directory(config.plugin_dir);
  const std::vector<std::string> problems = parts->config_problems.lines();
  if (!problems.empty()) {
    error = "the plugins' configuration has mistakes; nothing was started:";
    for (const auto& line : problems) error += "\n  " + line;
    return nullptr;
  }
  return parts;
}

}  // namespace servicedesk::host
