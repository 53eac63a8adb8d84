// The Registrar a plugin's register function fills; checked before anything is kept.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "servicedesk/registrar.hpp"

namespace servicedesk::host {

/// One handler as a plugin registered it, before the library is attached to it.
template <class Fn>
struct PendingHandler {
  std::string name;
  std::vector<ParamSpec> params;
  std::unique_ptr<HandlerFactory<Fn>> factory;
};

/// Collects a plugin's registrations so the registry can check them all (duplicates,
/// empty names) and then keep all or nothing.
class CollectingRegistrar final : public Registrar {
 public:
  explicit CollectingRegistrar(HostServices& services) : services_(services) {}

  HostServices& services() override { return services_; }
  void add_item(ItemInfo item) override;
  void add_field_rule_factory(std::string name, std::vector<ParamSpec> params,
                              std::unique_ptr<HandlerFactory<FieldRuleFn>> factory) override;
  void add_form_rule_factory(std::string name, std::vector<ParamSpec> params,
                             std::unique_ptr<HandlerFactory<FormRuleFn>> factory) override;
  void add_checkout_guard_factory(
      std::string name, std::vector<ParamSpec> params,
      std::unique_ptr<HandlerFactory<CheckoutGuardFn>> factory) override;
  void add_summarizer_factory(std::string name, std::vector<ParamSpec> params,
                              std::unique_ptr<HandlerFactory<SummarizerFn>> factory) override;
  void add_fulfilment_factory(std::string name, std::vector<ParamSpec> params,
                              std::unique_ptr<HandlerFactory<FulfilmentFn>> factory) override;

  /// Problems seen while collecting (empty names, null factories), one message each.
  std::vector<std::string> problems;
  std::vector<ItemInfo> items;
  std::vector<PendingHandler<FieldRuleFn>> field_rules;
  std::vector<PendingHandler<FormRuleFn>> form_rules;
  std::vector<PendingHandler<CheckoutGuardFn>> checkout_guards;
  std::vector<PendingHandler<SummarizerFn>> summarizers;
  std::vector<PendingHandler<FulfilmentFn>> fulfilments;

 private:
  template <class Fn>
  void collect(std::vector<PendingHandler<Fn>>& into, const char* kind, std::string name,
               std::vector<ParamSpec> params, std::unique_ptr<HandlerFactory<Fn>> factory);

  HostServices& services_;
};

}  // namespace servicedesk::host
