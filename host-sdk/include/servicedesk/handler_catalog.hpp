// The handlers every loaded plugin registered, looked up by name when forms are loaded.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "servicedesk/handlers.hpp"

namespace servicedesk {

/// One registered handler: who registered it, what parameters it accepts, its factory.
template <class Fn>
struct RegisteredHandler {
  std::string name;
  std::string plugin;  ///< the plugin's name, for messages
  std::vector<ParamSpec> params;
  /// Keeps the plugin's library loaded for as long as it (or anything it made) lives.
  std::shared_ptr<const HandlerFactory<Fn>> factory;
};

/// Name -> handler lookup. A host implements it over its loaded plugins; tests can
/// implement it over handlers linked in directly.
class HandlerCatalog {
 public:
  virtual ~HandlerCatalog() = default;
  virtual const RegisteredHandler<FieldRuleFn>* field_rule(std::string_view name) const = 0;
  virtual const RegisteredHandler<FormRuleFn>* form_rule(std::string_view name) const = 0;
  virtual const RegisteredHandler<CheckoutGuardFn>* checkout_guard(std::string_view name) const = 0;
  virtual const RegisteredHandler<SummarizerFn>* summarizer(std::string_view name) const = 0;
  virtual const RegisteredHandler<FulfilmentFn>* fulfilment(std::string_view name) const = 0;
};

}  // namespace servicedesk
