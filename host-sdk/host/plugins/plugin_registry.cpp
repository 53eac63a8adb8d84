// Loads plugins with Boost.DLL, checks their API version and registrations, keeps them.
#include "plugins/plugin_registry.hpp"

#include <algorithm>

#include <spdlog/spdlog.h>
#include <boost/dll/import.hpp>
#include <boost/dll/shared_library.hpp>

#include "plugins/collecting_registrar.hpp"
#include "servicedesk/forms/standard_rules.hpp"
#include "servicedesk/plugin.hpp"

namespace servicedesk::host {
namespace {

using Library = std::shared_ptr<boost::dll::shared_library>;

std::string api_text(std::uint32_t major, std::uint32_t minor) {
  return std::to_string(major) + "." + std::to_string(minor);
}

/// Why a plugin built against `major.minor` cannot run in this host, or "".
std::string version_refusal(std::uint32_t major, std::uint32_t minor) {
  const std::string host = api_text(kApiMajor, kApiMinor);
  if (major != kApiMajor) {
    return "wrong SDK API version: the plugin was built against " + api_text(major, minor) +
           ", this host supports " + host + " (the major version must match; rebuild the plugin)";
  }
  if (minor > kApiMinor) {
    return "newer SDK API version: the plugin was built against " + api_text(major, minor) +
           ", this host supports up to " + host + " (upgrade the host)";
  }
  return {};
}

/// The plugin's entry info, or nullptr with `why` set.
const PluginInfo* entry_info(const boost::dll::shared_library& library, std::string& why) {
  if (!library.has(kPluginEntrySymbol)) {
    why = std::string("no entry symbol '") + kPluginEntrySymbol +
          "' (declare the plugin with SERVICEDESK_PLUGIN)";
    return nullptr;
  }
  try {
    auto entry = boost::dll::import_alias<PluginEntryFn>(library, kPluginEntrySymbol);
    const PluginInfo* info = entry();
    if (info == nullptr) why = "entry symbol returned no plugin info";
    return info;
  } catch (const std::exception& e) {
    why = std::string("entry symbol could not be called: ") + e.what();
    return nullptr;
  }
}

/// What a plugin's factories need to outlive the registry: its library and its services.
struct PluginLifetime {
  Library library;
  std::shared_ptr<HostServices> services;
};

}  // namespace

PluginRegistry::PluginRegistry(HostServicesFactory services)
    : services_factory_(std::move(services)) {
  // The host's own rules sit in the same tables, so a plugin cannot take their names.
  add_standard_rules(catalog_);
}

PluginRegistry::~PluginRegistry() = default;

std::vector<PluginReport> PluginRegistry::load_directory(const std::filesystem::path& folder) {
  std::vector<std::filesystem::path> files;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(folder, error)) {
    if (entry.path().extension() == ".so") files.push_back(entry.path());
  }
  if (error) spdlog::warn("plugin folder {}: {}", folder.string(), error.message());
  std::sort(files.begin(), files.end());

  std::vector<std::string> folders = catalog_.plugin_folders();
  folders.push_back(folder.string());
  catalog_.set_plugin_folders(std::move(folders));
  std::vector<PluginReport> reports;
  for (const auto& file : files) reports.push_back(load_file(file));
  return reports;
}

std::unique_ptr<CollectingRegistrar> PluginRegistry::register_plugin(PluginReport& report) {
  Library library;
  try {
    library = std::make_shared<boost::dll::shared_library>(
        boost::dll::fs::path(report.file.string()), boost::dll::load_mode::default_mode);
  } catch (const std::exception& e) {
    report.refusal = std::string("not a loadable library: ") + e.what();
    return nullptr;
  }
  const PluginInfo* info = entry_info(*library, report.refusal);
  if (info == nullptr) return nullptr;
  report.api_major = info->api_major;
  report.api_minor = info->api_minor;
  report.refusal = version_refusal(info->api_major, info->api_minor);
  if (!report.refusal.empty()) return nullptr;
  report.name = info->name ? info->name : "";
  report.version = info->version ? info->version : "";
  if (report.name.empty()) report.refusal = "the plugin info has no name";
  if (info->register_plugin == nullptr) report.refusal = "the plugin info has no register function";
  if (!report.refusal.empty()) return nullptr;

  std::shared_ptr<HostServices> services =
      services_factory_ ? services_factory_(report.name) : nullptr;
  if (!services) {
    report.refusal = "the host could not provide services to the plugin";
    return nullptr;
  }
  auto lifetime = std::make_shared<const PluginLifetime>(PluginLifetime{library, services});
  auto registrar = std::make_unique<CollectingRegistrar>(*services, report.name, lifetime);
  std::string register_error;
  if (!info->register_plugin(*registrar, register_error)) {
    report.refusal = "the register function failed: " + register_error;
  } else if (!registrar->problems.empty()) {
    report.refusal = registrar->problems.front();
  } else if (registrar->collected.items().empty()) {
    report.refusal = "the plugin registered no catalog item";
  }
  if (!report.refusal.empty()) return nullptr;
  return registrar;
}

std::string PluginRegistry::conflict_with_loaded(const HandlerCatalog& collected) const {
  for (const auto& item : collected.items()) {
    if (const RegisteredItem* other = catalog_.item(item.id)) {
      return "duplicate item '" + item.id + "': already registered by plugin '" + other->plugin +
             "'";
    }
  }
  std::string why;
  collected.for_each_table([&](const auto& table) {
    for (const auto& [name, handler] : table.entries()) {
      using Fn = typename std::remove_cvref_t<decltype(*handler.factory)>::Signature;
      if (why.empty()) why = catalog_.table<Fn>().refusal(name);
    }
  });
  return why;
}

PluginReport PluginRegistry::load_file(const std::filesystem::path& file) {
  PluginReport report;
  report.file = file;
  auto registrar = register_plugin(report);
  if (registrar && report.refusal.empty())
    report.refusal = conflict_with_loaded(registrar->collected);
  if (!registrar || !report.refusal.empty()) {
    spdlog::warn("plugin {} refused: {}", file.string(), report.refusal);
    reports_.push_back(report);
    return report;
  }

  // Everything checked: keep all of it.
  HandlerCatalog& collected = registrar->collected;
  for (const auto& item : collected.items()) {
    report.items.push_back(item);
    catalog_.add_item(item);
  }
  collected.for_each_table([&](const auto& table) {
    for (const auto& [name, handler] : table.entries()) {
      using Fn = typename std::remove_cvref_t<decltype(*handler.factory)>::Signature;
      catalog_.table<Fn>().add(handler);
    }
  });
  report.handlers = registrar->handler_names;
  lifetimes_.push_back(registrar->lifetime());
  report.loaded = true;
  spdlog::info("plugin {} {} (API {}) loaded from {}: {} item(s), {} handler(s)", report.name,
               report.version, api_text(report.api_major, report.api_minor), file.string(),
               report.items.size(), report.handlers.size());
  reports_.push_back(report);
  return report;
}

}  // namespace servicedesk::host
