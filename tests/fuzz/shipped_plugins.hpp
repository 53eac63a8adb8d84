// For the form fuzzers: the demo directory and the real plugins, loaded once per process.
#pragma once

#include <memory>

#include "directory/indexed_directory.hpp"
#include "plugins/plugin_registry.hpp"

namespace servicedesk::fuzz {

/// The demo directory and a registry holding the DUO and request-software plugins (their
/// handlers run against the demo ledger in a temporary data folder).
struct ShippedPlugins {
  std::unique_ptr<host::IndexedDirectory> directory;
  std::unique_ptr<host::PluginRegistry> registry;
};

/// Loaded at the first call; aborts when a plugin is refused (the fuzzer would test nothing).
const ShippedPlugins& shipped_plugins();

}  // namespace servicedesk::fuzz
