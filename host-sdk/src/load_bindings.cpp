// Binds `{use: name, param: value}` YAML entries to handlers the loaded plugins registered.
#include "load_bindings.hpp"

#include <algorithm>
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

RuleParams read_params(const YAML::Node& node, std::string_view kind, const std::string& name,
                       const std::vector<ParamSpec>& specs,
                       const std::vector<std::string_view>& extra_keys, Reporter& reporter) {
  std::map<std::string, ParamValue, std::less<>> values;
  std::vector<std::string_view> accepted;
  for (const ParamSpec& spec : specs) accepted.push_back(spec.name);
  for (auto it = node.begin(); it != node.end(); ++it) {
    const std::string key = it->first.IsScalar() ? it->first.Scalar() : std::string();
    if (key == "use" || std::find(extra_keys.begin(), extra_keys.end(), key) != extra_keys.end())
      continue;
    auto spec = std::find_if(specs.begin(), specs.end(),
                             [&](const ParamSpec& candidate) { return candidate.name == key; });
    if (spec == specs.end()) {
      std::string expected =
          accepted.empty() ? "it takes no parameters" : "expected " + join_choices(accepted);
      reporter.at(it->first, "unknown parameter '" + key + "' for " + std::string(kind) + " '" +
                                 name + "'; " + expected);
      continue;
    }
    std::optional<ParamValue> value = read_param(it->second, spec->type);
    if (!value) {
      reporter.at(it->second.IsNull() ? it->first : it->second,
                  "parameter '" + key + "' of " + std::string(kind) + " '" + name + "': expected " +
                      std::string(type_name(spec->type)) + ", found " + describe(it->second));
      continue;
    }
    values.emplace(key, std::move(*value));
  }
  for (const ParamSpec& spec : specs) {
    if (spec.required && !find(node, spec.name)) {
      reporter.at(node, "missing parameter '" + spec.name + "' for " + std::string(kind) + " '" +
                            name + "' (" + std::string(type_name(spec.type)) + ")");
    }
  }
  return RuleParams(std::move(values));
}

}  // namespace servicedesk::forms
