// What a plugin's register function receives: register catalog items and named handlers.
#pragma once

#include <exception>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "servicedesk/handlers.hpp"
#include "servicedesk/host_services.hpp"

namespace servicedesk {

/// A catalog item a plugin provides. The plugin says which item and where its form is;
/// everything a requester sees (name, category, description, fields) comes from the form,
/// a YAML file in the host's catalog folder that catalog administrators edit.
struct ItemInfo {
  std::string id;         ///< "duo-account-updates"; the YAML's `id` must be the same
  std::string form_file;  ///< "duo-account-updates.yaml"; empty means `<id>.yaml`
};

namespace detail {

inline std::string describe_current_exception() {
  try {
    throw;
  } catch (const std::exception& e) {
    return e.what();
  } catch (...) {
    return "unknown exception";
  }
}

/// Wraps a plugin's callable so that no exception leaves plugin code. Instantiated in the
/// plugin, so the catch runs on the plugin's side of the boundary.
template <class Fn, class Callable>
class CallableHandler;

template <class Result, class... Args, class Callable>
class CallableHandler<Result(Args...), Callable> final : public Handler<Result(Args...)> {
 public:
  explicit CallableHandler(Callable callable) : callable_(std::move(callable)) {}
  HandlerOutcome<Result> call(Args... args) const noexcept override {
    try {
      return {callable_(std::forward<Args>(args)...), {}};
    } catch (...) {
      return {std::nullopt, describe_current_exception()};
    }
  }

 private:
  Callable callable_;
};

/// Wraps a plugin's factory (params -> callable); an exception from it, such as
/// std::invalid_argument for a bad parameter, becomes `Created::error`.
template <class Fn, class Factory>
class CallableFactory final : public HandlerFactory<Fn> {
 public:
  explicit CallableFactory(Factory factory) : factory_(std::move(factory)) {}
  typename HandlerFactory<Fn>::Created create(const RuleParams& params) const noexcept override {
    try {
      auto callable = factory_(params);
      using Callable = decltype(callable);
      return {std::make_unique<CallableHandler<Fn, Callable>>(std::move(callable)), {}};
    } catch (...) {
      return {nullptr, describe_current_exception()};
    }
  }

 private:
  Factory factory_;
};

}  // namespace detail

/// Handed to a plugin's register function, and valid only while it runs: keep no pointer
/// to it. Required: register at least one item. Names are global to the host: registering
/// an item id or handler name another plugin registered refuses the later plugin.
///
/// Growth rule: new virtual functions are added at the end only, and only with a minor
/// version bump; a plugin built against an older minor never calls them.
class Registrar {
 public:
  virtual ~Registrar() = default;

  /// The host's services; valid for as long as the plugin stays loaded.
  virtual HostServices& services() = 0;

  /// Required: a catalog item this plugin provides.
  virtual void add_item(ItemInfo item) = 0;

  /// Optional: a handler a YAML form names under `use:`. `factory` is called with a
  /// binding's checked parameters, once per binding at form load, and returns the handler.
  /// Prefer the templates below, which wrap a plain callable.
  virtual void add_handler(std::string name, HandlerContract contract,
                           AnyHandlerFactory factory) = 0;

  /// Registers a handler of kind `Fn`: `factory(const RuleParams&)` returns a callable with
  /// the kind's signature (see handlers.hpp). An exception from either becomes an error
  /// result on the plugin's side.
  template <class Fn, class Factory>
  void add(std::string name, HandlerContract contract, Factory factory) {
    add_handler(std::move(name), std::move(contract),
                AnyHandlerFactory(std::unique_ptr<HandlerFactory<Fn>>(
                    std::make_unique<detail::CallableFactory<Fn, Factory>>(std::move(factory)))));
  }

  /// A field rule: the callable is `RuleVerdict(const FieldInput&)`.
  template <class Factory>
  void add_field_rule(std::string name, std::vector<ParamSpec> params, Factory factory,
                      std::vector<FieldRead> reads = {}) {
    add<FieldRuleFn>(std::move(name), {std::move(params), std::move(reads), Cost::cheap},
                     std::move(factory));
  }
  /// A form rule: `std::vector<FieldError>(const FormInput&)`. It runs on add to cart and,
  /// unless `cost` is Cost::costly, also live in `/evaluate` once the fields it reads are
  /// valid; declare every field it reads in `reads`.
  template <class Factory>
  void add_form_rule(std::string name, std::vector<ParamSpec> params, Factory factory,
                     std::vector<FieldRead> reads = {}, Cost cost = Cost::cheap) {
    add<FormRuleFn>(std::move(name), {std::move(params), std::move(reads), cost},
                    std::move(factory));
  }
  /// A checkout guard: `GuardVerdict(const CartView&)`.
  template <class Factory>
  void add_checkout_guard(std::string name, std::vector<ParamSpec> params, Factory factory) {
    add<CheckoutGuardFn>(std::move(name), {std::move(params), {}, Cost::cheap}, std::move(factory));
  }
  /// A summarizer: `std::string(const SummaryInput&)`.
  template <class Factory>
  void add_summarizer(std::string name, std::vector<ParamSpec> params, Factory factory,
                      std::vector<FieldRead> reads = {}) {
    add<SummarizerFn>(std::move(name), {std::move(params), std::move(reads), Cost::cheap},
                      std::move(factory));
  }
  /// A fulfilment handler: `FulfilmentResult(const FulfilmentInput&)`.
  template <class Factory>
  void add_fulfilment(std::string name, std::vector<ParamSpec> params, Factory factory,
                      std::vector<FieldRead> reads = {}) {
    add<FulfilmentFn>(std::move(name), {std::move(params), std::move(reads), Cost::cheap},
                      std::move(factory));
  }

  /// Since SDK 2.2: `item_id` (an item this plugin added) is fulfilled right after checkout,
  /// without a staff decision: the host writes the item `fulfilling` and queues its
  /// fulfilment job in the checkout's transaction. Call it after add_item.
  virtual void fulfil_at_checkout(std::string item_id) { (void)item_id; }
};

}  // namespace servicedesk
