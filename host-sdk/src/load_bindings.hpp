// Binds `{use: name, param: value}` YAML entries to handlers the loaded plugins registered.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "servicedesk/handler_catalog.hpp"
#include "yaml_reader.hpp"

namespace servicedesk::forms {

/// A bound handler and the name it was bound by; `handler` is null when refused.
template <class Fn>
struct Bound {
  std::string name;
  std::shared_ptr<const Handler<Fn>> handler;  ///< keeps its factory (and plugin) alive
};

/// Checks `node` (a mapping with `use` plus parameters; `extra_keys` are keys the form
/// itself reads, such as a guard's `message`) against the catalog and builds the handler.
/// `kind` reads like "field rule". Every problem is reported.
template <class Fn>
Bound<Fn> bind_handler(const YAML::Node& node, std::string_view kind,
                       const RegisteredHandler<Fn>* registered,
                       const std::vector<std::string_view>& extra_keys, Reporter& reporter);

/// The `use` name of a binding (reports when missing), for the catalog lookup.
std::optional<Entry> binding_name(const YAML::Node& node, std::string_view kind,
                                  Reporter& reporter);

/// Looks up and binds in one go, for each handler kind.
Bound<FieldRuleFn> bind_field_rule(const YAML::Node& node, const HandlerCatalog& catalog,
                                   Reporter& reporter);
Bound<FormRuleFn> bind_form_rule(const YAML::Node& node, const HandlerCatalog& catalog,
                                 Reporter& reporter);
Bound<CheckoutGuardFn> bind_guard(const YAML::Node& node, const HandlerCatalog& catalog,
                                  Reporter& reporter);
Bound<SummarizerFn> bind_summarizer(const YAML::Node& node, const HandlerCatalog& catalog,
                                    Reporter& reporter);
Bound<FulfilmentFn> bind_fulfilment(const YAML::Node& node, const HandlerCatalog& catalog,
                                    Reporter& reporter);

}  // namespace servicedesk::forms
