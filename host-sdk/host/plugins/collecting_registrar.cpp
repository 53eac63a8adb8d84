// Collects and sanity-checks what a plugin registers.
#include "plugins/collecting_registrar.hpp"

namespace servicedesk::host {

void CollectingRegistrar::add_item(ItemInfo item) {
  if (item.id.empty()) {
    problems.push_back("an item needs an id");
    return;
  }
  if (item.form_file.empty()) item.form_file = item.id + ".yaml";
  if (item.form_file.find('/') != std::string::npos || item.form_file.front() == '.') {
    problems.push_back("item '" + item.id + "': form file '" + item.form_file +
                       "' must be a plain file name in the catalog folder");
    return;
  }
  if (collected.item(item.id) != nullptr) {
    problems.push_back("duplicate item '" + item.id + "' within the plugin");
    return;
  }
  collected.add_item({std::move(item.id), std::move(item.form_file), plugin_});
}

void CollectingRegistrar::fulfil_at_checkout(std::string item_id) {
  if (!collected.set_fulfil_at_checkout(item_id))
    problems.push_back("fulfil_at_checkout: item '" + item_id + "' was not added by the plugin");
}

void CollectingRegistrar::add_handler(std::string name, HandlerContract contract,
                                      AnyHandlerFactory factory) {
  std::visit(
      [&](auto& owned) {
        using Fn = typename std::remove_reference_t<decltype(*owned)>::Signature;
        const std::string kind = HandlerKind<Fn>::name;
        if (name.empty()) {
          problems.push_back("a " + kind + " was registered without a name");
          return;
        }
        if (!owned) {
          problems.push_back(kind + " '" + name + "' was registered without a factory");
          return;
        }
        if (collected.find<Fn>(name) != nullptr) {
          problems.push_back("duplicate " + kind + " '" + name + "' within the plugin");
          return;
        }
        // The factory's code lives in the plugin: its owner keeps the library loaded.
        std::shared_ptr<const HandlerFactory<Fn>> shared(
            owned.release(), [lifetime = lifetime_](const HandlerFactory<Fn>* p) { delete p; });
        // "field_rule loan_within (start_field: field, required; max_days: integer)".
        std::string line = std::string(HandlerKind<Fn>::tag) + " " + name;
        std::string params;
        for (const ParamSpec& spec : contract.params) {
          params += (params.empty() ? "" : "; ") + spec.name + ": " +
                    std::string(param_type_words(spec.type)) + (spec.required ? ", required" : "");
        }
        if (!params.empty()) line += " (" + params + ")";
        if (contract.cost == Cost::costly) line += " [not run live]";
        handler_names.push_back(std::move(line));
        collected.table<Fn>().add({name, plugin_, std::move(contract), std::move(shared)});
      },
      factory);
}

}  // namespace servicedesk::host
