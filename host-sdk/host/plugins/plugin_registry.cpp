// Loads plugins with Boost.DLL, checks their API version and registrations, keeps them.
#include "plugins/plugin_registry.hpp"

#include <algorithm>
#include <set>

#include <spdlog/spdlog.h>
#include <boost/dll/import.hpp>
#include <boost/dll/shared_library.hpp>

#include "plugins/collecting_registrar.hpp"
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

template <class Fn>
std::string first_duplicate(const std::vector<PendingHandler<Fn>>& pending,
                            const std::map<std::string, RegisteredHandler<Fn>, std::less<>>& kept,
                            const char* kind) {
  std::set<std::string, std::less<>> seen;
  for (const auto& handler : pending) {
    if (auto it = kept.find(handler.name); it != kept.end()) {
      return std::string("duplicate ") + kind + " '" + handler.name +
             "': already registered by plugin '" + it->second.plugin + "'";
    }
    if (!seen.insert(handler.name).second) {
      return std::string("duplicate ") + kind + " '" + handler.name + "' within the plugin";
    }
  }
  return {};
}

/// What a plugin's factories need to outlive the registry: its library and its services.
struct PluginLifetime {
  Library library;
  std::shared_ptr<HostServices> services;
};

/// Moves pending handlers into `kept`; each factory keeps the plugin's library loaded and its
/// services alive until the last reference to the factory is gone.
template <class Fn>
void keep(std::vector<PendingHandler<Fn>>& pending,
          std::map<std::string, RegisteredHandler<Fn>, std::less<>>& kept,
          const PluginLifetime& lifetime, const std::string& plugin, const char* kind,
          std::vector<std::string>& names) {
  for (auto& handler : pending) {
    std::shared_ptr<const HandlerFactory<Fn>> factory(
        handler.factory.release(), [lifetime](const HandlerFactory<Fn>* owned) { delete owned; });
    names.push_back(std::string(kind) + " " + handler.name);
    kept.emplace(
        handler.name,
        RegisteredHandler<Fn>{handler.name, plugin, std::move(handler.params), std::move(factory)});
  }
  pending.clear();
}

}  // namespace

PluginRegistry::PluginRegistry(HostServicesFactory services)
    : services_factory_(std::move(services)) {}

PluginRegistry::~PluginRegistry() = default;

std::vector<PluginReport> PluginRegistry::load_directory(const std::filesystem::path& folder) {
  std::vector<std::filesystem::path> files;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(folder, error)) {
    if (entry.path().extension() == ".so") files.push_back(entry.path());
  }
  if (error) spdlog::warn("plugin folder {}: {}", folder.string(), error.message());
  std::sort(files.begin(), files.end());

  std::vector<PluginReport> reports;
  for (const auto& file : files) reports.push_back(load_file(file));
  return reports;
}

PluginReport PluginRegistry::load_file(const std::filesystem::path& file) {
  PluginReport report;
  report.file = file;
  auto refuse = [&](std::string why) {
    report.refusal = std::move(why);
    spdlog::warn("plugin {} refused: {}", file.string(), report.refusal);
    reports_.push_back(report);
    return report;
  };

  Library library;
  try {
    library = std::make_shared<boost::dll::shared_library>(boost::dll::fs::path(file.string()),
                                                           boost::dll::load_mode::default_mode);
  } catch (const std::exception& e) {
    return refuse(std::string("not a loadable library: ") + e.what());
  }
  if (!library->has(kPluginEntrySymbol)) {
    return refuse(std::string("no entry symbol '") + kPluginEntrySymbol +
                  "' (declare the plugin with SERVICEDESK_PLUGIN)");
  }

  const PluginInfo* info = nullptr;
  try {
    auto entry = boost::dll::import_alias<PluginEntryFn>(*library, kPluginEntrySymbol);
    info = entry();
  } catch (const std::exception& e) {
    return refuse(std::string("entry symbol could not be called: ") + e.what());
  }
  if (info == nullptr) return refuse("entry symbol returned no plugin info");

  report.api_major = info->api_major;
  report.api_minor = info->api_minor;
  if (auto why = version_refusal(info->api_major, info->api_minor); !why.empty())
    return refuse(why);
  report.name = info->name ? info->name : "";
  report.version = info->version ? info->version : "";
  if (report.name.empty()) return refuse("the plugin info has no name");
  if (info->register_plugin == nullptr) return refuse("the plugin info has no register function");

  std::shared_ptr<HostServices> services =
      services_factory_ ? services_factory_(report.name) : nullptr;
  if (!services) return refuse("the host could not provide services to the plugin");
  CollectingRegistrar registrar(*services);
  std::string register_error;
  if (!info->register_plugin(registrar, register_error)) {
    return refuse("the register function failed: " + register_error);
  }
  if (!registrar.problems.empty()) return refuse(registrar.problems.front());
  if (registrar.items.empty()) return refuse("the plugin registered no catalog item");

  std::set<std::string, std::less<>> item_ids;
  for (const auto& item : registrar.items) {
    if (const RegisteredItem* other = find_item(item.id)) {
      return refuse("duplicate item '" + item.id + "': already registered by plugin '" +
                    other->plugin + "'");
    }
    if (!item_ids.insert(item.id).second) {
      return refuse("duplicate item '" + item.id + "' within the plugin");
    }
  }
  for (const std::string& duplicate :
       {first_duplicate(registrar.field_rules, field_rules_, "field rule"),
        first_duplicate(registrar.form_rules, form_rules_, "form rule"),
        first_duplicate(registrar.checkout_guards, checkout_guards_, "checkout guard"),
        first_duplicate(registrar.summarizers, summarizers_, "summarizer"),
        first_duplicate(registrar.fulfilments, fulfilments_, "fulfilment")}) {
    if (!duplicate.empty()) return refuse(duplicate);
  }

  // Everything checked: keep all of it.
  for (auto& item : registrar.items) {
    report.items.push_back(item);
    items_.push_back({std::move(item), report.name});
  }
  const PluginLifetime lifetime{library, services};
  keep(registrar.field_rules, field_rules_, lifetime, report.name, "field_rule", report.handlers);
  keep(registrar.form_rules, form_rules_, lifetime, report.name, "form_rule", report.handlers);
  keep(registrar.checkout_guards, checkout_guards_, lifetime, report.name, "checkout_guard",
       report.handlers);
  keep(registrar.summarizers, summarizers_, lifetime, report.name, "summarizer", report.handlers);
  keep(registrar.fulfilments, fulfilments_, lifetime, report.name, "fulfilment", report.handlers);
  services_.push_back(std::move(services));
  libraries_.push_back(library);

  report.loaded = true;
  spdlog::info("plugin {} {} (API {}) loaded from {}: {} item(s), {} handler(s)", report.name,
               report.version, api_text(report.api_major, report.api_minor), file.string(),
               report.items.size(), report.handlers.size());
  reports_.push_back(report);
  return report;
}

const RegisteredItem* PluginRegistry::find_item(std::string_view id) const {
  auto it = std::find_if(items_.begin(), items_.end(),
                         [&](const RegisteredItem& item) { return item.info.id == id; });
  return it == items_.end() ? nullptr : &*it;
}

namespace {
template <class Map>
auto* find_in(const Map& map, std::string_view name) {
  auto it = map.find(name);
  return it == map.end() ? nullptr : &it->second;
}
}  // namespace

const RegisteredHandler<FieldRuleFn>* PluginRegistry::field_rule(std::string_view name) const {
  return find_in(field_rules_, name);
}
const RegisteredHandler<FormRuleFn>* PluginRegistry::form_rule(std::string_view name) const {
  return find_in(form_rules_, name);
}
const RegisteredHandler<CheckoutGuardFn>* PluginRegistry::checkout_guard(
    std::string_view name) const {
  return find_in(checkout_guards_, name);
}
const RegisteredHandler<SummarizerFn>* PluginRegistry::summarizer(std::string_view name) const {
  return find_in(summarizers_, name);
}
const RegisteredHandler<FulfilmentFn>* PluginRegistry::fulfilment(std::string_view name) const {
  return find_in(fulfilments_, name);
}

}  // namespace servicedesk::host
