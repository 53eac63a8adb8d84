// What a plugin's register function receives: register catalog items and named handlers.
#pragma once

#include <exception>
#include <memory>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "servicedesk/handlers.hpp"
#include "servicedesk/host_services.hpp"

namespace servicedesk {

/// A catalog item a plugin provides. Its form comes from `form_file` (a YAML file in
/// the host's catalog-items folder), which catalog administrators edit.
struct ItemInfo {
  std::string id;        ///< "duo-account-updates"; must match the YAML's `id`
  std::string name;      ///< "DUO Account updates"
  std::string category;  ///< "Software and Access"
  std::string description;
  std::string form_file;  ///< "duo-account-updates.yaml"
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

inline RuleVerdict failure_of(RuleVerdict*, const std::string& why) {
  return RuleVerdict::fail("This answer could not be checked (" + why + ").");
}
inline std::vector<FieldError> failure_of(std::vector<FieldError>*, const std::string& why) {
  return {{"", "This form could not be checked (" + why + ")."}};
}
inline GuardVerdict failure_of(GuardVerdict*, const std::string& why) {
  return {false, why};
}
inline std::string failure_of(std::string*, const std::string&) {
  return {};
}
inline FulfilmentResult failure_of(FulfilmentResult*, const std::string& why) {
  return {false, why};
}

/// Wraps a plugin's callable so that no exception leaves plugin code. Instantiated in the
/// plugin, so the catch runs on the plugin's side of the boundary.
template <class Fn, class Callable>
class CallableHandler;

template <class Result, class... Args, class Callable>
class CallableHandler<Result(Args...), Callable> final : public Handler<Result(Args...)> {
 public:
  explicit CallableHandler(Callable callable) : callable_(std::move(callable)) {}
  Result call(Args... args) const noexcept override {
    try {
      return callable_(std::forward<Args>(args)...);
    } catch (...) {
      return failure_of(static_cast<Result*>(nullptr), describe_current_exception());
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

/// Handed to a plugin's register function. Required: register at least one item.
/// Names are global to the host: registering a name another plugin registered refuses
/// the later plugin. Registering after the register function returned is ignored.
class Registrar {
 public:
  virtual ~Registrar() = default;

  /// The host's services; valid for as long as the plugin stays loaded.
  virtual HostServices& services() = 0;

  /// Required: a catalog item this plugin provides.
  virtual void add_item(ItemInfo item) = 0;

  /// Optional: the handlers a YAML form names under `use:`. Each `factory` is called with
  /// a binding's checked parameters, once per binding at form load, and returns a
  /// callable with the kind's signature (see handlers.hpp). Prefer the templates below.
  virtual void add_field_rule_factory(std::string name, std::vector<ParamSpec> params,
                                      std::unique_ptr<HandlerFactory<FieldRuleFn>> factory) = 0;
  virtual void add_form_rule_factory(std::string name, std::vector<ParamSpec> params,
                                     std::unique_ptr<HandlerFactory<FormRuleFn>> factory) = 0;
  virtual void add_checkout_guard_factory(
      std::string name, std::vector<ParamSpec> params,
      std::unique_ptr<HandlerFactory<CheckoutGuardFn>> factory) = 0;
  virtual void add_summarizer_factory(std::string name, std::vector<ParamSpec> params,
                                      std::unique_ptr<HandlerFactory<SummarizerFn>> factory) = 0;
  virtual void add_fulfilment_factory(std::string name, std::vector<ParamSpec> params,
                                      std::unique_ptr<HandlerFactory<FulfilmentFn>> factory) = 0;

  /// `factory(const RuleParams&)` returns a callable `RuleVerdict(const FieldInput&)`.
  template <class Factory>
  void add_field_rule(std::string name, std::vector<ParamSpec> params, Factory factory) {
    add_field_rule_factory(std::move(name), std::move(params),
                           wrap<FieldRuleFn>(std::move(factory)));
  }
  /// `factory(const RuleParams&)` returns `std::vector<FieldError>(const FormInput&)`.
  template <class Factory>
  void add_form_rule(std::string name, std::vector<ParamSpec> params, Factory factory) {
    add_form_rule_factory(std::move(name), std::move(params), wrap<FormRuleFn>(std::move(factory)));
  }
  /// `factory(const RuleParams&)` returns `GuardVerdict(const CartView&)`.
  template <class Factory>
  void add_checkout_guard(std::string name, std::vector<ParamSpec> params, Factory factory) {
    add_checkout_guard_factory(std::move(name), std::move(params),
                               wrap<CheckoutGuardFn>(std::move(factory)));
  }
  /// `factory(const RuleParams&)` returns `std::string(const SummaryInput&)`.
  template <class Factory>
  void add_summarizer(std::string name, std::vector<ParamSpec> params, Factory factory) {
    add_summarizer_factory(std::move(name), std::move(params),
                           wrap<SummarizerFn>(std::move(factory)));
  }
  /// `factory(const RuleParams&)` returns `FulfilmentResult(const FulfilmentInput&)`.
  template <class Factory>
  void add_fulfilment(std::string name, std::vector<ParamSpec> params, Factory factory) {
    add_fulfilment_factory(std::move(name), std::move(params),
                           wrap<FulfilmentFn>(std::move(factory)));
  }

 private:
  template <class Fn, class Factory>
  static std::unique_ptr<HandlerFactory<Fn>> wrap(Factory factory) {
    return std::make_unique<detail::CallableFactory<Fn, Factory>>(std::move(factory));
  }
};

}  // namespace servicedesk
