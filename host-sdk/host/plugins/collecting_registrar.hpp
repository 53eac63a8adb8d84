// The Registrar a plugin's register function fills; checked before anything is kept.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "servicedesk/forms/handler_catalog.hpp"
#include "servicedesk/registrar.hpp"

namespace servicedesk::host {

/// Collects one plugin's registrations into a catalog of its own, so the registry can check
/// them all (empty names, duplicates within the plugin and against other plugins) and then
/// keep all or nothing. Each factory it keeps holds `lifetime` (the plugin's library and
/// services), so the code stays loaded while anything the plugin made is alive.
class CollectingRegistrar final : public Registrar {
 public:
  CollectingRegistrar(HostServices& services, std::string plugin,
                      std::shared_ptr<const void> lifetime)
      : services_(services), plugin_(std::move(plugin)), lifetime_(std::move(lifetime)) {}

  HostServices& services() override { return services_; }
  void add_item(ItemInfo item) override;
  void add_handler(std::string name, HandlerContract contract, AnyHandlerFactory factory) override;
  void fulfil_at_checkout(std::string item_id) override;

  /// Problems seen while collecting, one sentence each.
  std::vector<std::string> problems;
  /// What the plugin registered.
  HandlerCatalog collected;
  /// "field_rule off_campus_phone", ... in registration order.
  std::vector<std::string> handler_names;
  /// The plugin's library and services, for the registry to keep.
  const std::shared_ptr<const void>& lifetime() const { return lifetime_; }

 private:
  HostServices& services_;
  std::string plugin_;
  std::shared_ptr<const void> lifetime_;
};

}  // namespace servicedesk::host
