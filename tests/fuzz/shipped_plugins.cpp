// Loads the shipped plugins through the host's own registry, as `serve` does.
#include "shipped_plugins.hpp"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "directory/directory_loader.hpp"
#include "test_host_services.hpp"

namespace servicedesk::fuzz {

const ShippedPlugins& shipped_plugins() {
  static const ShippedPlugins loaded = [] {
    ShippedPlugins plugins;
    plugins.directory = std::make_unique<host::IndexedDirectory>(
        host::read_directory_records(SERVICEDESK_DEMO_DIRECTORY).records);
    const auto data =
        std::filesystem::temp_directory_path() / ("servicedesk-fuzz-" + std::to_string(getpid()));
    const Directory& directory = *plugins.directory;
    plugins.registry =
        std::make_unique<host::PluginRegistry>([&directory, data](std::string_view plugin) {
          return std::make_shared<testing::TestHostServices>(directory, data / std::string(plugin));
        });
    for (const char* file : {SERVICEDESK_DUO_PLUGIN, SERVICEDESK_SOFTWARE_PLUGIN}) {
      if (!plugins.registry->load_file(file).loaded) {
        std::fprintf(stderr, "fuzz set-up: plugin %s refused\n", file);
        std::abort();
      }
    }
    return plugins;
  }();
  return loaded;
}

}  // namespace servicedesk::fuzz
