// Loads plugins from a folder with Boost.DLL and keeps what they registered.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "servicedesk/forms/handler_catalog.hpp"
#include "servicedesk/host_services.hpp"
#include "servicedesk/registrar.hpp"

namespace servicedesk::host {

/// What became of one plugin file.
struct PluginReport {
  std::filesystem::path file;
  bool loaded = false;
  std::string refusal;  ///< why it was refused; empty when loaded
  std::string name;
  std::string version;
  std::uint32_t api_major = 0;
  std::uint32_t api_minor = 0;
  std::vector<RegisteredItem> items;  ///< the items it registered
  std::vector<std::string> handlers;  ///< "field_rule off_campus_phone", ...
};

/// Builds the services handed to one plugin (its own config section, logger name).
using HostServicesFactory = std::function<std::shared_ptr<HostServices>(std::string_view plugin)>;

/// Every loaded plugin, its items and handlers. Loading refuses a bad plugin with a
/// clear message and carries on with the others; nothing a plugin does can throw here.
/// A plugin's library stays loaded while anything it registered is still referenced.
class PluginRegistry final {
 public:
  explicit PluginRegistry(HostServicesFactory services);
  ~PluginRegistry();
  PluginRegistry(const PluginRegistry&) = delete;
  PluginRegistry& operator=(const PluginRegistry&) = delete;

  /// Loads every `*.so` in `folder` (sorted by name). Returns this call's reports.
  std::vector<PluginReport> load_directory(const std::filesystem::path& folder);
  /// Loads one plugin file.
  PluginReport load_file(const std::filesystem::path& file);

  const std::vector<PluginReport>& reports() const { return reports_; }
  /// Every item and handler of the loaded plugins, and the host's standard rules
  /// (standard_rules.hpp): what forms are checked against.
  const HandlerCatalog& catalog() const { return catalog_; }

 private:
  /// Loads the library and calls its register function; fills `report.refusal` on failure.
  std::unique_ptr<class CollectingRegistrar> register_plugin(PluginReport& report);
  /// Why the collected registrations cannot be kept beside the loaded ones, or "".
  std::string conflict_with_loaded(const HandlerCatalog& collected) const;

  HostServicesFactory services_factory_;
  /// Each loaded plugin's library and services, kept while the registry lives; factories
  /// hold their own reference, so a handler outliving the registry keeps its library.
  std::vector<std::shared_ptr<const void>> lifetimes_;
  HandlerCatalog catalog_;
  std::vector<PluginReport> reports_;
};

/// A human-readable table of `reports` (for `servicedesk-host plugins`). `describe_item`,
/// when given, adds what the catalog folder holds for an item (its name, or why its form
/// is missing or refused).
std::string format_plugin_reports(
    const std::vector<PluginReport>& reports,
    const std::function<std::string(const RegisteredItem&)>& describe_item = {});

}  // namespace servicedesk::host
