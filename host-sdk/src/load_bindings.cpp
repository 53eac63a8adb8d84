// Binds `{use: name, param: value}` YAML entries to handlers the loaded plugins registered.
#include "load_bindings.hpp"

#include <charconv>

namespace servicedesk::forms {
namespace {

std::string_view type_name(ParamType type) {
  switch (type) {
    case ParamType::boolean:
      return "true or false";
    case ParamType::integer:
      return "a whole number";
    case ParamType::string:
      return "text";
    case ParamType::string_list:
      return "a list of texts";
  }
  return "a value";
}

std::optional<ParamValue> read_param(const YAML::Node& value, ParamType type) {
  switch (type) {
    case ParamType::boolean:
      if (value.IsScalar() && (value.Scalar() == "true" || value.Scalar() == "false")) {
        return ParamValue(value.Scalar() == "true");
      }
      return std::nullopt;
    case ParamType::integer: {
      if (!value.IsScalar()) return std::nullopt;
      const std::string& s = value.Scalar();
      std::int64_t n = 0;
      auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
      if (ec != std::errc() || end != s.data() + s.size() || s.empty()) return std::nullopt;
      return ParamValue(n);
    }
    case ParamType::string:
      if (!value.IsScalar()) return std::nullopt;
      return ParamValue(value.Scalar());
    case ParamType::string_list: {
      if (!value.IsSequence()) return std::nullopt;
      std::vector<std::string> items;
      for (const YAML::Node& item : value) {
        if (!item.IsScalar()) return std::nullopt;
        items.push_back(item.Scalar());
      }
      return ParamValue(std::move(items));
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<Entry> binding_name(const YAML::Node& node, std::string_view kind,
                                  Reporter& reporter) {
  if (!expect_map(node, "a " + std::string(kind) + " binding such as {use: name}", reporter)) {
    return std::nullopt;
  }
  auto use = find(node, "use");
  if (!use) {
    reporter.at(node, "missing 'use' in the " + std::string(kind) +
                          " binding; expected the handler's name");
    return std::nullopt;
  }
  if (!read_text(*use, reporter)) return std::nullopt;
  return use;
}

template <class Fn>
Bound<Fn> bind_handler(const YAML::Node& node, std::string_view kind,
                       const RegisteredHandler<Fn>* registered,
                       const std::vector<std::string_view>& extra_keys, Reporter& reporter) {
  Bound<Fn> bound;
  auto use = find(node, "use");
  if (!use) return bound;
  bound.name = use->value.Scalar();
  if (registered == nullptr) {
    reporter.at(use->value, "unknown " + std::string(kind) + " '" + bound.name +
                                "'; expected the name of a " + std::string(kind) +
                                " registered by a loaded plugin");
    return bound;
  }
  std::map<std::string, ParamValue, std::less<>> values;
  std::size_t errors_before = reporter.count();
  std::vector<std::string_view> accepted;
  for (const ParamSpec& spec : registered->params) accepted.push_back(spec.name);
  for (auto it = node.begin(); it != node.end(); ++it) {
    const std::string key = it->first.IsScalar() ? it->first.Scalar() : std::string();
    if (key == "use") continue;
    bool extra = false;
    for (std::string_view name : extra_keys) extra = extra || name == key;
    if (extra) continue;
    const ParamSpec* spec = nullptr;
    for (const ParamSpec& candidate : registered->params) {
      if (candidate.name == key) spec = &candidate;
    }
    if (spec == nullptr) {
      std::string expected =
          accepted.empty() ? "it takes no parameters" : "expected " + join_choices(accepted);
      reporter.at(it->first, "unknown parameter '" + key + "' for " + std::string(kind) + " '" +
                                 bound.name + "'; " + expected);
      continue;
    }
    std::optional<ParamValue> value = read_param(it->second, spec->type);
    if (!value) {
      reporter.at(it->second.IsNull() ? it->first : it->second,
                  "parameter '" + key + "' of " + std::string(kind) + " '" + bound.name +
                      "': expected " + std::string(type_name(spec->type)) + ", found " +
                      describe(it->second));
      continue;
    }
    values.emplace(key, std::move(*value));
  }
  for (const ParamSpec& spec : registered->params) {
    if (spec.required && !find(node, spec.name)) {
      reporter.at(node, "missing parameter '" + spec.name + "' for " + std::string(kind) + " '" +
                            bound.name + "' (" + std::string(type_name(spec.type)) + ")");
    }
  }
  if (reporter.count() != errors_before || !registered->factory) return bound;
  auto created = registered->factory->create(RuleParams(std::move(values)));
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

Bound<FieldRuleFn> bind_field_rule(const YAML::Node& node, const HandlerCatalog& catalog,
                                   Reporter& reporter) {
  auto use = binding_name(node, "field rule", reporter);
  if (!use) return {};
  return bind_handler<FieldRuleFn>(node, "field rule", catalog.field_rule(use->value.Scalar()), {},
                                   reporter);
}

Bound<FormRuleFn> bind_form_rule(const YAML::Node& node, const HandlerCatalog& catalog,
                                 Reporter& reporter) {
  auto use = binding_name(node, "form rule", reporter);
  if (!use) return {};
  return bind_handler<FormRuleFn>(node, "form rule", catalog.form_rule(use->value.Scalar()), {},
                                  reporter);
}

Bound<CheckoutGuardFn> bind_guard(const YAML::Node& node, const HandlerCatalog& catalog,
                                  Reporter& reporter) {
  auto use = binding_name(node, "checkout guard", reporter);
  if (!use) return {};
  return bind_handler<CheckoutGuardFn>(
      node, "checkout guard", catalog.checkout_guard(use->value.Scalar()), {"message"}, reporter);
}

Bound<SummarizerFn> bind_summarizer(const YAML::Node& node, const HandlerCatalog& catalog,
                                    Reporter& reporter) {
  auto use = binding_name(node, "summarizer", reporter);
  if (!use) return {};
  return bind_handler<SummarizerFn>(node, "summarizer", catalog.summarizer(use->value.Scalar()), {},
                                    reporter);
}

Bound<FulfilmentFn> bind_fulfilment(const YAML::Node& node, const HandlerCatalog& catalog,
                                    Reporter& reporter) {
  auto use = binding_name(node, "fulfilment handler", reporter);
  if (!use) return {};
  return bind_handler<FulfilmentFn>(node, "fulfilment handler",
                                    catalog.fulfilment(use->value.Scalar()), {}, reporter);
}

}  // namespace servicedesk::forms
