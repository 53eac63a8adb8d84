// Collects and sanity-checks what a plugin registers.
#include "plugins/collecting_registrar.hpp"

namespace servicedesk::host {

void CollectingRegistrar::add_item(ItemInfo item) {
  if (item.id.empty() || item.name.empty()) {
    problems.push_back("an item needs an id and a name");
    return;
  }
  if (item.form_file.empty()) item.form_file = item.id + ".yaml";
  items.push_back(std::move(item));
}

template <class Fn>
void CollectingRegistrar::collect(std::vector<PendingHandler<Fn>>& into, const char* kind,
                                  std::string name, std::vector<ParamSpec> params,
                                  std::unique_ptr<HandlerFactory<Fn>> factory) {
  if (name.empty()) {
    problems.push_back(std::string("a ") + kind + " was registered without a name");
    return;
  }
  if (!factory) {
    problems.push_back(std::string(kind) + " '" + name + "' was registered without a factory");
    return;
  }
  into.push_back({std::move(name), std::move(params), std::move(factory)});
}

void CollectingRegistrar::add_field_rule_factory(
    std::string name, std::vector<ParamSpec> params,
    std::unique_ptr<HandlerFactory<FieldRuleFn>> factory) {
  collect(field_rules, "field rule", std::move(name), std::move(params), std::move(factory));
}

void CollectingRegistrar::add_form_rule_factory(
    std::string name, std::vector<ParamSpec> params,
    std::unique_ptr<HandlerFactory<FormRuleFn>> factory) {
  collect(form_rules, "form rule", std::move(name), std::move(params), std::move(factory));
}

void CollectingRegistrar::add_checkout_guard_factory(
    std::string name, std::vector<ParamSpec> params,
    std::unique_ptr<HandlerFactory<CheckoutGuardFn>> factory) {
  collect(checkout_guards, "checkout guard", std::move(name), std::move(params),
          std::move(factory));
}

void CollectingRegistrar::add_summarizer_factory(
    std::string name, std::vector<ParamSpec> params,
    std::unique_ptr<HandlerFactory<SummarizerFn>> factory) {
  collect(summarizers, "summarizer", std::move(name), std::move(params), std::move(factory));
}

void CollectingRegistrar::add_fulfilment_factory(
    std::string name, std::vector<ParamSpec> params,
    std::unique_ptr<HandlerFactory<FulfilmentFn>> factory) {
  collect(fulfilments, "fulfilment", std::move(name), std::move(params), std::move(factory));
}

}  // namespace servicedesk::host
