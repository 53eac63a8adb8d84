// A Registrar that fills a HandlerCatalog directly: plugin code linked into a test, no dlopen.
#pragma once

#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "servicedesk/forms/handler_catalog.hpp"
#include "servicedesk/registrar.hpp"

namespace servicedesk::testing {

/// Register a plugin's items and handlers into `catalog`, as the host's loader would
/// (items default to `<id>.yaml`; a name registered twice is a problem), so tests can load
/// forms against the real handlers or call the factories themselves.
class InMemoryCatalog final : public Registrar {
 public:
  InMemoryCatalog(HostServices& services, std::string plugin)
      : services_(services), plugin_(std::move(plugin)) {}

  HostServices& services() override { return services_; }
  void add_item(ItemInfo item) override {
    if (item.form_file.empty()) item.form_file = item.id + ".yaml";
    if (auto why = catalog.add_item({item.id, item.form_file, plugin_}); !why.empty())
      problems.push_back(why);
  }
  void add_handler(std::string name, HandlerContract contract, AnyHandlerFactory factory) override {
    std::visit(
        [&](auto& owned) {
          using Fn = typename std::remove_reference_t<decltype(*owned)>::Signature;
          std::shared_ptr<const HandlerFactory<Fn>> shared(std::move(owned));
          auto why = catalog.table<Fn>().add({name, plugin_, std::move(contract), shared});
          if (!why.empty()) problems.push_back(why);
        },
        factory);
  }

  /// The handler of kind `Fn` named `name`; throws when there is none, so a test fails
  /// with the name rather than crashing.
  template <class Fn>
  const RegisteredHandler<Fn>& handler(const std::string& name) const {
    const RegisteredHandler<Fn>* found = catalog.find<Fn>(name);
    if (found == nullptr)
      throw std::out_of_range("no " + std::string(HandlerKind<Fn>::name) + " '" + name +
                              "' was registered");
    return *found;
  }

  HandlerCatalog catalog;
  std::vector<std::string> problems;

 private:
  HostServices& services_;
  std::string plugin_;
};

}  // namespace servicedesk::testing
