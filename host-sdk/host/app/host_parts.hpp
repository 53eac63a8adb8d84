// The parts every subcommand shares: the directory and the loaded plugins.
#pragma once

#include <memory>
#include <string>

#include <spdlog/common.h>

#include "app/handler_failure_log.hpp"
#include "app/host_config.hpp"
#include "app/plugin_services.hpp"
#include "directory/ldap_refresher.hpp"
#include "directory/live_directory.hpp"
#include "plugins/plugin_registry.hpp"

namespace servicedesk::host {

/// Directory and plugins, loaded from a configuration. Destroy plugins before the directory,
/// and the refresher (declared after it) before the directory too.
struct HostParts {
  std::unique_ptr<LiveDirectory> directory;
  bool demo_directory = false;
  /// Set when people come from LDAP; `serve` starts it.
  std::unique_ptr<LdapRefresher> refresher;
  MailSink mail;
  ConfigProblems config_problems;
  PluginCounters plugin_counters;
  HandlerFailureLog handler_failures;
  std::unique_ptr<PluginRegistry> plugins;
};

/// Loads the directory (LDAP when configured, else the file, else the demo file) and every
/// plugin of the plugin folder. Returns nullptr with `error` set when the directory cannot
/// be loaded or a plugin reports a mistake in its config section; other refused plugins are
/// reported, not fatal.
std::unique_ptr<HostParts> load_host_parts(const HostConfig& config, std::string& error);

/// load_host_parts for the command-line tools (lint, test, try, handlers), whose output is
/// what they print: log lines below `level` are silenced first, and a failure is printed to
/// standard error (nullptr returned).
std::unique_ptr<HostParts> load_host_parts_for_command(const HostConfig& config,
                                                       spdlog::level::level_enum level);

}  // namespace servicedesk::host
