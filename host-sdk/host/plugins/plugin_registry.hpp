// Loads plugins from a folder with Boost.DLL and keeps what they registered.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "servicedesk/handler_catalog.hpp"
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
  std::vector<ItemInfo> items;        ///< the items it registered
  std::vector<std::string> handlers;  ///< "field_rule off_campus_phone", ...
};

/// An item a loaded plugin provides.
struct RegisteredItem {
  ItemInfo info;
  std::string plugin;
};

/// Builds the services handed to one plugin (its own config section, logger name).
using HostServicesFactory = std::function<std::shared_ptr<HostServices>(std::string_view plugin)>;

/// Every loaded plugin, its items and handlers. Loading refuses a bad plugin with a
/// clear message and carries on with the others; nothing a plugin does can throw here.
/// A plugin's library stays loaded while anything it registered is still referenced.
class PluginRegistry final : public HandlerCatalog {
 public:
  explicit PluginRegistry(HostServicesFactory services);
  ~PluginRegistry() override;
  PluginRegistry(const PluginRegistry&) = delete;
  PluginRegistry& operator=(const PluginRegistry&) = delete;

  /// Loads every `*.so` in `folder` (sorted by name). Returns this call's reports.
  std::vector<PluginReport> load_directory(const std::filesystem::path& folder);
  /// Loads one plugin file.
  PluginReport load_file(const std::filesystem::path& file);

  const std::vector<PluginReport>& reports() const { return reports_; }
  const std::vector<RegisteredItem>& items() const { return items_; }
  const RegisteredItem* find_item(std::string_view id) const;

  const RegisteredHandler<FieldRuleFn>* field_rule(std::string_view name) const override;
  const RegisteredHandler<FormRuleFn>* form_rule(std::string_view name) const override;
  const RegisteredHandler<CheckoutGuardFn>* checkout_guard(std::string_view name) const override;
  const RegisteredHandler<SummarizerFn>* summarizer(std::string_view name) const override;
  const RegisteredHandler<FulfilmentFn>* fulfilment(std::string_view name) const override;

 private:
  template <class Fn>
  using HandlerMap = std::map<std::string, RegisteredHandler<Fn>, std::less<>>;

  HostServicesFactory services_factory_;
  std::vector<std::shared_ptr<HostServices>> services_;  // outlive the plugins' handlers
  // Loaded libraries, type-erased; released after every map below is gone. Factories hold
  // their own reference too, so a handler outliving the registry keeps its library.
  std::vector<std::shared_ptr<void>> libraries_;
  std::vector<PluginReport> reports_;
  std::vector<RegisteredItem> items_;
  HandlerMap<FieldRuleFn> field_rules_;
  HandlerMap<FormRuleFn> form_rules_;
  HandlerMap<CheckoutGuardFn> checkout_guards_;
  HandlerMap<SummarizerFn> summarizers_;
  HandlerMap<FulfilmentFn> fulfilments_;

  friend class CollectingRegistrar;
};

/// A human-readable table of `reports` (for `servicedesk-host plugins`).
std::string format_plugin_reports(const std::vector<PluginReport>& reports);

}  // namespace servicedesk::host
