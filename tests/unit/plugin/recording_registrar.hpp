// A Registrar that keeps what a plugin registers, for tests of registration itself.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "servicedesk/registrar.hpp"

namespace servicedesk::duo::testing {

class RecordingRegistrar final : public Registrar {
 public:
  explicit RecordingRegistrar(HostServices& services) : services_(services) {}

  HostServices& services() override { return services_; }
  void add_item(ItemInfo item) override { items.push_back(std::move(item)); }
  void add_field_rule_factory(std::string name, std::vector<ParamSpec> params,
                              std::unique_ptr<HandlerFactory<FieldRuleFn>> factory) override {
    field_rules[name] = {std::move(params), std::move(factory)};
  }
  void add_form_rule_factory(std::string name, std::vector<ParamSpec> params,
                             std::unique_ptr<HandlerFactory<FormRuleFn>> factory) override {
    form_rules[name] = {std::move(params), std::move(factory)};
  }
  void add_checkout_guard_factory(
      std::string name, std::vector<ParamSpec> params,
      std::unique_ptr<HandlerFactory<CheckoutGuardFn>> factory) override {
    guards[name] = {std::move(params), std::move(factory)};
  }
  void add_summarizer_factory(std::string name, std::vector<ParamSpec> params,
                              std::unique_ptr<HandlerFactory<SummarizerFn>> factory) override {
    summarizers[name] = {std::move(params), std::move(factory)};
  }
  void add_fulfilment_factory(std::string name, std::vector<ParamSpec> params,
                              std::unique_ptr<HandlerFactory<FulfilmentFn>> factory) override {
    fulfilments[name] = {std::move(params), std::move(factory)};
  }

  template <class Fn>
  struct Entry {
    std::vector<ParamSpec> params;
    std::unique_ptr<HandlerFactory<Fn>> factory;
  };
  std::vector<ItemInfo> items;
  std::map<std::string, Entry<FieldRuleFn>> field_rules;
  std::map<std::string, Entry<FormRuleFn>> form_rules;
  std::map<std::string, Entry<CheckoutGuardFn>> guards;
  std::map<std::string, Entry<SummarizerFn>> summarizers;
  std::map<std::string, Entry<FulfilmentFn>> fulfilments;

 private:
  HostServices& services_;
};

}  // namespace servicedesk::duo::testing
