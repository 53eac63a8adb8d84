// Binds `{use: name, param: value}` YAML entries to handlers the loaded plugins registered.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "servicedesk/forms/handler_catalog.hpp"
#include "yaml_reader.hpp"

namespace servicedesk::forms {

/// A `field` parameter's value, checked against the form once its fields are loaded.
struct FieldParam {
  std::string param;  ///< "start_field"
  std::string field;  ///< "loan_begin"
  YAML::Mark mark;    ///< the value, for messages
  bool date = false;  ///< ParamType::date_field: the field must be of type `date`
};

/// A bound handler, the name it was bound by and where; `handler` is null when refused.
template <class Fn>
struct Bound {
  std::string name;
  std::string plugin;       ///< the plugin that registered it, for failure reports
  Cost cost = Cost::cheap;  ///< what it declared
  std::vector<FieldParam> field_params;
  std::shared_ptr<const Handler<Fn>> handler;     ///< keeps its factory (and plugin) alive
  const std::vector<FieldRead>* reads = nullptr;  ///< what the handler declared it reads
  YAML::Mark use_mark;                            ///< the `use:` value, for messages
};

/// The `use` name of a binding (reports when missing), for the catalog lookup.
std::optional<Entry> binding_name(const YAML::Node& node, std::string_view kind,
                                  Reporter& reporter);

/// Reads a binding's parameters and checks them against the handler's declared ones;
/// keys in `extra_keys` belong to the form and are skipped.
/// `field` parameters are also appended to `field_params`.
RuleParams read_params(const YAML::Node& node, std::string_view kind, const std::string& name,
                       const std::vector<ParamSpec>& specs,
                       const std::vector<std::string_view>& extra_keys, Reporter& reporter,
                       std::vector<FieldParam>& field_params);

/// "unknown field rule 'x'; ...": names the plugin folders searched and the closest names.
std::string unknown_handler_message(std::string_view kind, const std::string& name,
                                    const std::vector<std::string>& known,
                                    const std::vector<std::string>& folders);

/// Checks `node` (a mapping with `use` plus parameters; `extra_keys` are keys the form
/// itself reads, such as a guard's `message`) against the handler of kind `Fn` registered
/// under that name, and builds the handler. Every problem is reported.
template <class Fn>
Bound<Fn> bind(const YAML::Node& node, const HandlerCatalog& catalog, Reporter& reporter,
               const std::vector<std::string_view>& extra_keys = {}) {
  const std::string_view kind = HandlerKind<Fn>::name;
  Bound<Fn> bound;
  auto use = binding_name(node, kind, reporter);
  if (!use) return bound;
  bound.name = use->value.Scalar();
  bound.use_mark = use->value.Mark();
  const RegisteredHandler<Fn>* registered = catalog.find<Fn>(bound.name);
  if (registered == nullptr) {
    std::vector<std::string> known;
    for (const auto& entry : catalog.table<Fn>().entries()) known.push_back(entry.first);
    reporter.at(use->value,
                unknown_handler_message(kind, bound.name, known, catalog.plugin_folders()));
    return bound;
  }
  bound.reads = &registered->contract.reads;
  bound.plugin = registered->plugin;
  bound.cost = registered->contract.cost;
  const std::size_t errors_before = reporter.count();
  RuleParams params = read_params(node, kind, bound.name, registered->contract.params, extra_keys,
                                  reporter, bound.field_params);
  if (reporter.count() != errors_before || !registered->factory) return bound;
  auto created = registered->factory->create(params);
  if (!created.handler) {
    reporter.at(use->value, std::string(kind) + " '" + bound.name + "' refused its parameters: " +
                                (created.error.empty() ? "no reason given" : created.error));
    return bound;
  }
  // The handler's code lives in the plugin: it holds the factory, which holds the library.
  bound.handler = std::shared_ptr<const Handler<Fn>>(
      created.handler.release(),
      [factory = registered->factory](const Handler<Fn>* handler) { delete handler; });
  return bound;
}

}  // namespace servicedesk::forms
