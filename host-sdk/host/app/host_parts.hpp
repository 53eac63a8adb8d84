// The parts every subcommand shares: the directory and the loaded plugins.
#pragma once

#include <memory>
#include <string>

#include "app/host_config.hpp"
#include "app/plugin_services.hpp"
#include "directory/indexed_directory.hpp"
#include "plugins/plugin_registry.hpp"

namespace servicedesk::host {

/// Directory and plugins, loaded from a configuration. Destroy plugins before the directory.
struct HostParts {
  std::unique_ptr<IndexedDirectory> directory;
  bool demo_directory = false;
  MailSink mail;
  ConfigProblems config_problems;
  PluginCounters plugin_counters;
  std::unique_ptr<PluginRegistry> plugins;
};

/// Loads the directory (the demo one unless configured) and every plugin of the plugin
/// folder. Returns nullptr with `error` set when the directory cannot be loaded or a plugin
/// reports a mistake in its config section; other refused plugins are reported, not fatal.
std::unique_ptr<HostParts> load_host_parts(const HostConfig& config, std::string& error);

}  // namespace servicedesk::host
